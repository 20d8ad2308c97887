/// A CIDR block (`10.0.0.0/8`, `2001:db8::/32`, or one address), for `--trusted-proxies`.
public struct AddressRange: Sendable, Hashable, CustomStringConvertible {
    public let network: IPAddress
    /// Prefix length over the 16-byte form (an IPv4 /24 is 96 + 24).
    let prefixBits: Int
    public let description: String

    /// - Throws: ``AddressRange/ParseError`` naming the text that is not a CIDR block.
    public init(_ text: String) throws(ParseError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPAddress(parts[0]) else { throw ParseError(text: text) }
        let maximum = address.isIPv4 ? 32 : 128
        var bits = maximum
        if parts.count == 2 {
            guard let given = Int(parts[1]), (0...maximum).contains(given) else { throw ParseError(text: text) }
            bits = given
        }
        prefixBits = address.isIPv4 ? 96 + bits : bits
        network = address
        description = text
    }

    public func contains(_ address: IPAddress) -> Bool {
        var remaining = prefixBits
        for i in 0..<16 where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if address.bytes[i] & mask != network.bytes[i] & mask { return false }
            remaining -= 8
        }
        return true
    }

    /// Parses `CIDR[,CIDR…]`; an empty text is no ranges.
    public static func list(_ text: String) throws(ParseError) -> [AddressRange] {
        var ranges: [AddressRange] = []
        for part in text.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { ranges.append(try AddressRange(trimmed)) }
        }
        return ranges
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let text: String
        public var description: String { "'\(text)' is not an IP address or CIDR block (e.g. 10.0.0.0/8, 2001:db8::/32)" }
    }
}
