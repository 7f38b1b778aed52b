import CICUShim

/// Per-code-point tables computed once per process from ICU, so the hot loop maps most
/// scalars with one array load instead of a call into ICU.
/// A table of 65,536 code points, written once when computed and only read after that.
struct CodePointTable: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt32>

    @inline(__always)
    subscript(_ c: Int) -> UInt32 { base[c] }
}

enum CharacterTables {
    /// Marks a BMP code point whose NFKC form is not one scalar.
    static let complex: UInt32 = 0x8000_0000
    /// Marks a BMP code point that may combine with the one before it.
    static let noBoundaryBefore: UInt32 = 0x4000_0000
    static let valueMask: UInt32 = 0x001F_FFFF

    /// NFKC image of each BMP code point (see `tifa_nfkc_fill_table`).
    static let nfkc: Result<CodePointTable, ICUError> = {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
        let status = tifa_nfkc_fill_table(table)
        if tifa_icu_failed(status) != 0 { return .failure(ICUError(code: status, operation: "loading NFKC data")) }
        return .success(CodePointTable(base: table))
    }()

    /// Simplified form of each BMP code point (itself when none).
    static let traditionalToSimplified: Result<CodePointTable, ICUError> = {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
        let status = tifa_trad_to_simp_fill_table(table)
        if tifa_icu_failed(status) != 0 {
            return .failure(ICUError(code: status, operation: "opening the Traditional-Simplified transliterator"))
        }
        return .success(CodePointTable(base: table))
    }()
}
