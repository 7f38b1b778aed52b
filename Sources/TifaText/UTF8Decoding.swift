/// Decodes UTF-8 into Unicode scalar values, recording each scalar's byte offset.
/// Returns the byte offset of the first invalid sequence, or nil when all of `bytes` is valid.
/// `byteOffsets` gets one extra final element: the end offset.
@inline(__always)
func decodeUTF8(
    _ bytes: UnsafeBufferPointer<UInt8>, into scalars: inout RawBuffer<UInt32>, byteOffsets: inout RawBuffer<Int32>
) -> Int? {
    let n = bytes.count
    // Room for the most scalars the bytes can hold, written through pointers; the counts are
    // set once at the end.
    scalars.resize(n)
    byteOffsets.resize(n + 1)
    let values = scalars.base, offsets = byteOffsets.base
    var count = 0
    var i = 0
    var failure: Int? = nil
    while i < n {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 {
            values[count] = b0
            offsets[count] = Int32(i)
            count += 1
            i += 1
            continue
        }
        // Three bytes, the length of every Han character, first.
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            let b1 = UInt32(bytes[i + 1]), b2 = UInt32(bytes[i + 2])
            let value = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
            if b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, value >= 0x800, value & 0xF800 != 0xD800 {
                values[count] = value
                offsets[count] = Int32(i)
                count += 1
                i += 3
                continue
            }
        }
        let length: Int
        var value: UInt32
        var minimum: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; value = b0 & 0x1F; minimum = 0x80
        case 0xE0...0xEF: length = 3; value = b0 & 0x0F; minimum = 0x800
        case 0xF0...0xF4: length = 4; value = b0 & 0x07; minimum = 0x10000
        default: length = 0; value = 0; minimum = 0
        }
        guard length > 0, i + length <= n else {
            failure = i
            break
        }
        var valid = true
        for k in 1..<length {
            let b = UInt32(bytes[i + k])
            if b & 0xC0 != 0x80 { valid = false }
            value = (value << 6) | (b & 0x3F)
        }
        guard valid, value >= minimum, value <= 0x10FFFF, value < 0xD800 || value > 0xDFFF else {
            failure = i
            break
        }
        values[count] = value
        offsets[count] = Int32(i)
        count += 1
        i += length
    }
    scalars.resize(count)
    offsets[count] = Int32(failure ?? n)
    byteOffsets.resize(count + 1)
    return failure
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
