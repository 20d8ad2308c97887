/// A policy folder's files as text: the pure input of parsing (reading the disk is the caller's job).
public struct PolicySource: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        /// Name relative to the folder, used in diagnostics.
        public var name: String
        public var text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    public static let settingsFileName = "settings.yaml"

    public var files: [File]

    public init(files: [File]) {
        self.files = files.sorted { $0.name < $1.name }
    }

    /// The content hash that names this policy version: SHA-256 over every file's name and text.
    public var version: String {
        var bytes: [UInt8] = []
        for file in files {
            bytes += Array(file.name.utf8) + [0] + Array(file.text.utf8) + [0]
        }
        return String(Digests.sha256Hex(bytes).prefix(16))
    }
}
