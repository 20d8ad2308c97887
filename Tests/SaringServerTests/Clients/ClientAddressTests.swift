import Foundation
import SaringServer
import Testing

@Suite("Client addresses")
struct ClientAddressTests {
    static let resolver = ClientResolver(
        trustedProxies: try! AddressRange.list("10.0.0.0/8, 2001:db8:ffff::/48"), key: Array(repeating: 7, count: 32))

    static func address(_ text: String) -> IPAddress { IPAddress(text)! }

    @Test(arguments: ["203.0.113.7", "::1", "2001:db8::1", "[2001:db8::1]", "203.0.113.7:443", "::ffff:203.0.113.7"])
    func parsesAddressesAsProxiesWriteThem(_ text: String) {
        #expect(IPAddress(text) != nil)
    }

    @Test(arguments: ["", "unknown", "203.0.113", "203.0.113.256", "2001:db8::1::2", "203.0.113.7 ", "<script>"])
    func refusesWhatIsNotAnAddress(_ text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test func anIPv4MappedAddressIsTheIPv4Address() {
        #expect(Self.address("::ffff:203.0.113.7") == Self.address("203.0.113.7"))
        #expect(Self.address("203.0.113.7").description == "203.0.113.7")
    }

    @Test func theSocketPeerIsTheClientUnlessItIsATrustedProxy() {
        let peer = Self.address("198.51.100.1")
        #expect(Self.resolver.address(peer: peer, forwardedFor: ["203.0.113.9"]) == peer)
    }

    @Test func behindTrustedProxiesTheRightmostUntrustedForwardedAddressIsTheClient() {
        let proxy = Self.address("10.1.2.3")
        // A client can write anything on the left; only what the trusted hops appended counts.
        let chain = ["6.6.6.6, 203.0.113.9", "10.9.9.9"]
        #expect(Self.resolver.address(peer: proxy, forwardedFor: chain) == Self.address("203.0.113.9"))
        #expect(Self.resolver.address(peer: proxy, forwardedFor: []) == proxy)
        #expect(Self.resolver.address(peer: proxy, forwardedFor: ["garbage, 10.9.9.9"]) == Self.address("10.9.9.9"))
    }

    @Test func anIPv6ClientIsItsSlash64() {
        let a = Self.resolver.hash(Self.address("2001:db8:1:2:aaaa::1"))
        let b = Self.resolver.hash(Self.address("2001:db8:1:2:ffff:ffff:ffff:ffff"))
        let c = Self.resolver.hash(Self.address("2001:db8:1:3::1"))
        #expect(a == b)
        #expect(a != c)
    }

    @Test func hashesAreKeyed() {
        let other = ClientResolver(trustedProxies: [], key: Array(repeating: 8, count: 32))
        let address = Self.address("203.0.113.7")
        #expect(Self.resolver.hash(address) != other.hash(address))
        #expect(Self.resolver.hash(address) == Self.resolver.hash(address))
        #expect(!Self.resolver.hash(address).contains("203"))
    }

    @Test(arguments: [("10.0.0.0/8", "10.255.1.1", true), ("10.0.0.0/8", "11.0.0.1", false), ("192.168.1.7", "192.168.1.7", true),
        ("192.168.1.0/25", "192.168.1.200", false), ("2001:db8::/32", "2001:db8:ab::1", true), ("2001:db8::/32", "2001:db9::1", false),
        ("0.0.0.0/0", "203.0.113.1", true), ("10.0.0.0/8", "::ffff:10.1.1.1", true)])
    func rangesContainTheirAddresses(_ range: String, _ address: String, _ inside: Bool) throws {
        #expect(try AddressRange(range).contains(Self.address(address)) == inside)
    }

    @Test(arguments: ["10.0.0.0/33", "10.0.0/8", "2001:db8::/129", "x", "10.0.0.0/-1", "10.0.0.0/8/8"])
    func badRangesAreRefusedWithTheirText(_ text: String) {
        #expect(throws: AddressRange.ParseError.self) { try AddressRange(text) }
    }

    @Test func theKeyIsMadeOnceAndKeptBesideTheDatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path + ".key") }
        let first = try AddressKey.load(hex: nil, databasePath: path)
        let again = try AddressKey.load(hex: nil, databasePath: path)
        #expect(first == again && first.count == 32)
        try Data("not hex\n".utf8).write(to: URL(fileURLWithPath: path + ".key"))
        #expect(throws: AddressKey.Problem.self) { try AddressKey.load(hex: nil, databasePath: path) }
        #expect(throws: AddressKey.Problem.self) { try AddressKey.load(hex: "abcd", databasePath: path) }
        #expect(try AddressKey.load(hex: String(repeating: "ab", count: 16), databasePath: path).count == 16)
    }
}
