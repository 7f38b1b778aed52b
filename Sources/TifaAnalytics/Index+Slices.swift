import TifaIndex

extension Index {
    /// The exact occurrences of `phrase` in two sets of documents (by number), from one count.
    func occurrences(of phrase: String, in first: Set<Int64>, and second: Set<Int64>) throws(IndexError) -> (first: Int, second: Int) {
        var counts = (first: 0, second: 0)
        for (number, n) in try count(phrase).perDocument {
            if first.contains(number) { counts.first += n }
            if second.contains(number) { counts.second += n }
        }
        return counts
    }
}
