/// Appends the decimal digits of `value`.
func appendInteger(_ value: Int, to out: inout [UInt8]) {
    if value == 0 {
        out.append(0x30)
        return
    }
    var v = value
    if v < 0 {
        out.append(0x2D)
        v = -v
    }
    let start = out.count
    while v > 0 {
        out.append(UInt8(0x30 + v % 10))
        v /= 10
    }
    out[start...].reverse()
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

/// Appends `bytes` as the contents of a JSON string (without the quotes).
func appendJSONEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    for b in bytes {
        switch b {
        case 0x22: out.append(0x5C); out.append(0x22)
        case 0x5C: out.append(0x5C); out.append(0x5C)
        case 0x0A: out.append(0x5C); out.append(0x6E)
        case 0x0D: out.append(0x5C); out.append(0x72)
        case 0x09: out.append(0x5C); out.append(0x74)
        case 0..<0x20: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]])
        default: out.append(b)
        }
    }
}
