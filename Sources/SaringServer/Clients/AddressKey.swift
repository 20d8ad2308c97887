import Foundation
import SaringCore

#if canImport(Glibc)
    import Glibc
#endif

/// The secret that client-address hashes are keyed with. Generated once and kept beside the
/// database (`<database>.key`, mode 0600), so hashes stay comparable across restarts and bans on
/// an address keep holding; or given as hex in configuration (`SARING_ADDRESS_KEY`), e.g. to share
/// one key between several servers.
public enum AddressKey {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// The key from `hex`, or else the file beside `databasePath`, created when missing.
    ///
    /// - Throws: ``Problem`` naming the file or the setting that is wrong.
    public static func load(hex: String?, databasePath: String) throws -> [UInt8] {
        if let hex {
            guard let key = Digests.bytes(hex: hex), key.count >= 16 else {
                throw Problem(description: "SARING_ADDRESS_KEY must be at least 32 hex digits")
            }
            return key
        }
        if databasePath == ":memory:" { return random() }
        let path = databasePath + ".key"
        if let key = try read(path) { return key }
        let created = random()
        let text = Digests.hex(created) + "\n"
        // O_EXCL: when two processes start at once, one writes and the other reads its key.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 {
            if errno == EEXIST, let key = try read(path) { return key }
            throw Problem(description: "\(path): cannot create the address-hash key: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let written = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, text.utf8.count) }
        guard written == text.utf8.count, fsync(fd) == 0 else {
            throw Problem(description: "\(path): cannot write the address-hash key")
        }
        return created
    }

    private static func read(_ path: String) throws -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "\(path): cannot read the address-hash key")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let key = Digests.bytes(hex: text), key.count >= 16 else {
            throw Problem(description: "\(path): not an address-hash key (expected 64 hex digits); restore it or remove it to make a new one")
        }
        return key
    }

    private static func random() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
