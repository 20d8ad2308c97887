import SaringCore

/// A wire DTO that writes its own JSON (``JSONWriter``), for the answers every request gets: a
/// page of comments and a submission's answer. Keys are written sorted, as the rest of the API's
/// JSON (`JSONEncoder` with `.sortedKeys`) is.
protocol JSONWritable {
    func write(to json: inout JSONWriter)
}
