import Foundation

/// Writes one JSON object per line to standard output: every command's `--json` rows go through
/// here, so escaping, number formatting and key order (as the row type declares its fields) are
/// decided once.
struct JSONLines {
    func write(_ row: some Encodable) {
        print(line(row))
    }

    /// The JSON text of `row`, on one line.
    func line(_ row: some Encodable) -> String {
        let root = JSONNode()
        // Rows are plain structs of strings, numbers, arrays and optionals: encoding cannot fail.
        try! row.encode(to: JSONNodeEncoder(node: root))
        var out: [UInt8] = []
        root.serialize(into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// An optional field written as `null` when absent, rather than left out, so every row of a
/// command has the same keys.
@propertyWrapper
struct Nullable<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

/// A measurement rounded to `places` decimals for output; NaN and infinities become `null`.
func rounded(_ x: Double, places: Int = 3) -> Double? {
    guard x.isFinite else { return nil }
    let scale = pow(10, Double(places))
    return (x * scale).rounded() / scale
}

/// One value of the JSON tree an `Encodable` row is turned into; objects keep their keys in the
/// order they were encoded (Foundation's `JSONEncoder` does not).
private final class JSONNode {
    enum Value {
        case null
        case literal(String)  // a number or a boolean, already formatted
        case string(String)
        case array([JSONNode])
        case object([(key: String, node: JSONNode)])
    }

    var value = Value.null

    func serialize(into out: inout [UInt8]) {
        switch value {
        case .null:
            out += Array("null".utf8)
        case let .literal(text):
            out += Array(text.utf8)
        case let .string(text):
            appendString(text, to: &out)
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.serialize(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(fields):
            out.append(UInt8(ascii: "{"))
            for (i, field) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendString(field.key, to: &out)
                out.append(UInt8(ascii: ":"))
                field.node.serialize(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { appendJSONEscaped($0, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Stores a value: primitives directly, anything else through its own `encode(to:)`.
    func store<T: Encodable>(_ value: T) throws {
        switch value {
        case let text as String: self.value = .string(text)
        case let flag as Bool: self.value = .literal(flag ? "true" : "false")
        case let number as Double: self.value = number.isFinite ? .literal(Self.format(number)) : .null
        case let number as Float: self.value = number.isFinite ? .literal(Self.format(Double(number))) : .null
        case let number as Int: self.value = .literal(String(number))
        case let number as Int64: self.value = .literal(String(number))
        case let number as UInt64: self.value = .literal(String(number))
        default: try value.encode(to: JSONNodeEncoder(node: self))
        }
    }

    /// The shortest text that reads back as `x`, as an integer when it is one (3, not 3.0).
    private static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    func append(key: String) -> JSONNode {
        let child = JSONNode()
        if case var .object(fields) = value {
            fields.append((key, child))
            value = .object(fields)
        } else {
            value = .object([(key, child)])
        }
        return child
    }

    func appendItem() -> JSONNode {
        let child = JSONNode()
        if case var .array(items) = value {
            items.append(child)
            value = .array(items)
        } else {
            value = .array([child])
        }
        return child
    }
}

private struct JSONNodeEncoder: Encoder {
    let node: JSONNode
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.value {} else { node.value = .object([]) }
        return KeyedEncodingContainer(Keyed(node: node))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = node.value {} else { node.value = .array([]) }
        return Unkeyed(node: node)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { Single(node: node) }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: JSONNode
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { _ = node.append(key: key.stringValue) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try node.append(key: key.stringValue).store(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            JSONNodeEncoder(node: node.append(key: key.stringValue)).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            JSONNodeEncoder(node: node.append(key: key.stringValue)).unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { JSONNodeEncoder(node: node.append(key: "super")) }
        mutating func superEncoder(forKey key: Key) -> Encoder { JSONNodeEncoder(node: node.append(key: key.stringValue)) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: JSONNode
        var codingPath: [CodingKey] { [] }
        var count: Int {
            if case let .array(items) = node.value { return items.count }
            return 0
        }

        mutating func encodeNil() throws { _ = node.appendItem() }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.appendItem().store(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            JSONNodeEncoder(node: node.appendItem()).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            JSONNodeEncoder(node: node.appendItem()).unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { JSONNodeEncoder(node: node.appendItem()) }
    }

    struct Single: SingleValueEncodingContainer {
        let node: JSONNode
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws { node.value = .null }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value) }
    }
}
