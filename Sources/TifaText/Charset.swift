import CICUShim

/// Charset detection and conversion to UTF-8 through ICU, for archives in GB18030, Big5 or UTF-16.
///
/// ```swift
/// let guess = try Charset.detect(bytes)                   // ("GB18030", 100)
/// let utf8 = try Charset.convertToUTF8(bytes, from: guess.name)
/// ```
package enum Charset {
    /// Why bytes could not be converted.
    package enum ConversionError: Error, CustomStringConvertible, Equatable, Sendable {
        /// ICU does not know the charset name.
        case unknownCharset(String)
        /// The bytes are not valid in the charset at this byte offset.
        case invalidBytes(charset: String, byteOffset: Int)
        case icu(ICUError)

        package var description: String {
            switch self {
            case let .unknownCharset(name): return "unknown charset '\(name)' (try GB18030, Big5, UTF-16LE, UTF-16BE)"
            case let .invalidBytes(charset, offset): return "not valid \(charset) at byte \(offset)"
            case let .icu(error): return error.description
            }
        }
    }

    /// ICU's best guess of the charset of `bytes`: its name and a confidence from 0 to 100.
    package static func detect(_ bytes: [UInt8]) throws(ICUError) -> (name: String, confidence: Int) {
        var name = [CChar](repeating: 0, count: 64)
        var status: Int32 = 0
        let confidence = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                tifa_charset_detect($0.baseAddress, Int32($0.count), &name, Int32(name.count), &status)
            }
        }
        try ICUError.check(status, "detecting a charset")
        let end = name.firstIndex(of: 0) ?? name.count
        return (String(decoding: name[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self), Int(confidence))
    }

    /// `bytes` in `charset`, converted to UTF-8.
    package static func convertToUTF8(_ bytes: [UInt8], from charset: String) throws(ConversionError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var status: Int32 = 0
        var errorOffset: Int32 = -1
        var length: Int32 = 0
        for _ in 0..<2 {
            let capacity = output.count
            length = bytes.withUnsafeBufferPointer { source in
                source.withMemoryRebound(to: CChar.self) { src in
                    output.withUnsafeMutableBufferPointer { target in
                        target.withMemoryRebound(to: CChar.self) { dst in
                            tifa_convert_to_utf8(
                                charset, src.baseAddress, Int32(src.count), dst.baseAddress, Int32(capacity),
                                &errorOffset, &status)
                        }
                    }
                }
            }
            if tifa_icu_failed(status) != 0 || Int(length) <= output.count { break }
            output = [UInt8](repeating: 0, count: Int(length))
        }
        if tifa_icu_failed(status) != 0 {
            if errorOffset >= 0 { throw .invalidBytes(charset: charset, byteOffset: Int(errorOffset)) }
            let error = ICUError(code: status, operation: "opening the \(charset) converter")
            if error.name == "U_FILE_ACCESS_ERROR" { throw .unknownCharset(charset) }
            throw .icu(error)
        }
        return Array(output[..<Int(length)])
    }
}
