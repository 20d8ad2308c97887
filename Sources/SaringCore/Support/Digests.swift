import Crypto
import Foundation

/// Content hashes and keyed hashes, from swift-crypto: migrations and policy folders are
/// identified by SHA-256, client addresses and credentials by HMAC-SHA256 under a secret key.
public enum Digests {
    /// The lower-case hex SHA-256 of `bytes`.
    public static func sha256Hex<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        hex(Crypto.SHA256.hash(data: Array(bytes)))
    }

    /// The lower-case hex SHA-256 of a text's UTF-8.
    public static func sha256Hex(_ text: String) -> String { sha256Hex(Array(text.utf8)) }

    /// HMAC-SHA256 of `text` under `key`, as lower-case hex.
    public static func hmacHex(_ text: String, key: [UInt8]) -> String {
        hex(HMAC<Crypto.SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: key)))
    }

    public static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
