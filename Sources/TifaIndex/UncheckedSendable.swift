/// A value handed to worker threads that the code guarantees is used safely: each thread
/// writes only its own slot and reads shared values that no one writes.
package struct UncheckedSendable<Value>: @unchecked Sendable {
    package var value: Value
    package init(_ value: Value) { self.value = value }
}
