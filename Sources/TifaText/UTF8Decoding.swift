/// Decodes UTF-8 into Unicode scalar values, recording each scalar's byte offset.
/// Returns the byte offset of the first invalid sequence, or nil when all of `bytes` is valid.
/// `byteOffsets` gets one extra final element: the end offset.
@inline(__always)
func decodeUTF8(
    _ bytes: UnsafeBufferPointer<UInt8>, into scalars: inout RawBuffer<UInt32>, byteOffsets: inout RawBuffer<Int32>
) -> Int? {
    scalars.removeAll()
    byteOffsets.removeAll()
    scalars.reserve(bytes.count)
    byteOffsets.reserve(bytes.count + 1)
    var i = 0
    let n = bytes.count
    while i < n {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 {
            scalars.append(b0)
            byteOffsets.append(Int32(i))
            i += 1
            continue
        }
        let length: Int
        var value: UInt32
        var minimum: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; value = b0 & 0x1F; minimum = 0x80
        case 0xE0...0xEF: length = 3; value = b0 & 0x0F; minimum = 0x800
        case 0xF0...0xF4: length = 4; value = b0 & 0x07; minimum = 0x10000
        default: return i
        }
        if i + length > n { return i }
        for k in 1..<length {
            let b = UInt32(bytes[i + k])
            if b & 0xC0 != 0x80 { return i }
            value = (value << 6) | (b & 0x3F)
        }
        if value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return i }
        scalars.append(value)
        byteOffsets.append(Int32(i))
        i += length
    }
    byteOffsets.append(Int32(n))
    return nil
}

/// The byte offset of the first invalid UTF-8 sequence in `bytes`, or nil.
package func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var scalars = RawBuffer<UInt32>()
    var offsets = RawBuffer<Int32>()
    defer {
        scalars.deallocate()
        offsets.deallocate()
    }
    return decodeUTF8(bytes, into: &scalars, byteOffsets: &offsets)
}
