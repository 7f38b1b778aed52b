extension Index {
    /// The matching form of a document of this index: the text `count` counts in (NFKC, zero-width
    /// characters removed, hard-wrapped words joined, Simplified in an index made with
    /// `toSimplified`). Other engines given this text count as the index does.
    public func matchingForm(ofDocument id: String) throws(IndexError) -> String {
        try locked { () throws(IndexError) in normalizer.matchingForm(of: try text(ofDocument: id)).string }
    }
}
