import CICUShim

/// An error reported by ICU, with ICU's own name for it.
public struct ICUError: Error, CustomStringConvertible, Sendable, Equatable {
    /// ICU's `UErrorCode` value.
    public var code: Int32
    /// What Tifa was doing when ICU failed.
    public var operation: String

    /// ICU's name for `code` (`U_FILE_ACCESS_ERROR`).
    public var name: String { String(cString: tifa_icu_error_name(code)) }

    /// The failure and what usually fixes it: a missing or incomplete ICU installation.
    public var description: String {
        "ICU failed while \(operation): \(name) (\(code)). Check that libicu (libicu-dev on Debian) is installed and its data is complete."
    }

    @inline(__always)
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
        if tifa_icu_failed(code) != 0 { throw ICUError(code: code, operation: operation()) }
    }
}
