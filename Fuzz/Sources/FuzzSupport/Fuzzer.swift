#if canImport(Glibc)
import Glibc
#endif

/// Hands `check` to libFuzzer's driver, which calls it with each generated input. A target's
/// `main` calls this; `check` traps (a failed precondition) on anything wrong, and libFuzzer
/// keeps the input that did it.
public func runFuzzer(_ check: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) -> Never {
    checkInput = check
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&argc, &argv) { data, size in
        checkInput?(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
        return 0
    })
}

/// The check of the running target (a C callback cannot capture it).
nonisolated(unsafe) private var checkInput: (@Sendable (UnsafeRawBufferPointer) -> Void)?

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// libFuzzer's own `main` wants this symbol; the driver above is what runs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    checkInput?(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}
