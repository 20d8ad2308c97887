import Foundation
import SaringCore

/// Reads a policy folder from disk: every `*.yaml` / `*.yml` file directly in it.
public enum PolicyFolder {
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// - Throws: ``ReadError`` naming the folder or file that cannot be read.
    public static func read(_ path: String) throws -> PolicySource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReadError(description: "\(path): no such policy folder")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw ReadError(description: "\(path): cannot list policy folder: \(error.localizedDescription)")
        }
        var files: [PolicySource.File] = []
        for name in names where (name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".model")) && !name.hasPrefix(".") {
            let filePath = (path as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: filePath) else {
                throw ReadError(description: "\(filePath): cannot read file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ReadError(description: "\(filePath): file is not UTF-8 text")
            }
            files.append(PolicySource.File(name: name, text: text))
        }
        return PolicySource(files: files)
    }

    /// Reads and compiles a folder.
    ///
    /// - Throws: ``ReadError`` or ``PolicyError`` (every problem with file and line).
    public static func load(_ path: String) throws -> Policy {
        try PolicyCompiler.compile(read(path)).get()
    }
}
