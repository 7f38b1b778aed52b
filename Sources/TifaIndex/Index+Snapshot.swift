extension Index {
    /// Runs `body` in one read transaction: every call it makes on this index sees the same
    /// commit, whatever a writer does meanwhile. Analyses that combine several queries (a count
    /// and the sizes it is divided by) use it to stay consistent.
    ///
    /// ```swift
    /// let (count, documents) = try index.inOneSnapshot { () throws(IndexError) in
    ///     (try index.count("两个维护"), try index.documents(matching: "date:2024"))
    /// }
    /// ```
    public func inOneSnapshot<T>(_ body: () throws(IndexError) -> T) throws(IndexError) -> T {
        try reading(body)
    }

    /// The live documents `query` matches (every live document when nil), by number.
    public func documents(matching query: String?) throws(IndexError) -> [DocumentInfo] {
        try reading { () throws(IndexError) in
            guard let query else { return documents.values.sorted { $0.number < $1.number } }
            return try search(query, limit: Int.max, order: .date).map(\.document).sorted { $0.number < $1.number }
        }
    }
}
