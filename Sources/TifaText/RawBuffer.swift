/// A growable buffer of plain values behind a raw pointer. Segmentation keeps its per-line
/// buffers in these: unlike `Array` they never copy on write and need no uniqueness or
/// exclusivity checks, so a hot loop can copy the struct into a local, append, and store it
/// back. The owner frees the memory with `deallocate()`.
struct RawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() { base.deallocate() }

    @inline(__always)
    subscript(_ i: Int) -> Element {
        get {
            assert(i >= 0 && i < count, "index \(i) outside 0..<\(count)")
            return base[i]
        }
        nonmutating set {
            assert(i >= 0 && i < count, "index \(i) outside 0..<\(count)")
            base[i] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow(to: capacity * 2) }
        base[count] = value
        count += 1
    }

    @inline(__always)
    mutating func removeAll() { count = 0 }

    @inline(__always)
    mutating func removeLast() {
        assert(count > 0)
        count -= 1
    }

    /// Makes room for `n` elements without growing again.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if n > capacity { grow(to: max(n, capacity * 2)) }
    }

    /// Sets the count to `n`, growing as needed; new elements are uninitialized garbage.
    mutating func resize(_ n: Int) {
        reserve(n)
        count = n
    }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    private mutating func grow(to newCapacity: Int) {
        let new = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        new.update(from: base, count: count)
        base.deallocate()
        base = new
        capacity = newCapacity
    }
}
