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

    /// The bytes of a hex text (either case), or nil when it is not hex.
    public static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[i]), let low = value(digits[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
