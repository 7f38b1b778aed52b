import Foundation

/// Runs `script` with Python, `arguments` as `sys.argv[1…]`: tests damage or make SQLite files
/// with Python's sqlite3, independently of Tifa's own SQLite code.
public func runPython(_ script: String, arguments: [String]) throws {
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", script] + arguments
    try python.run()
    python.waitUntilExit()
    guard python.terminationStatus == 0 else { throw PythonFailed(description: "python3 exited \(python.terminationStatus): \(script)") }
}

/// Runs one SQL statement on the SQLite file at `path` and commits.
public func runSQL(_ statement: String, on path: String) throws {
    try runPython("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()", arguments: [path, statement])
}

public struct PythonFailed: Error, CustomStringConvertible {
    public var description: String
}
