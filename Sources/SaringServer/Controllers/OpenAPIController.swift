import Foundation
import Hummingbird

/// `GET /v1/openapi.json`: the OpenAPI 3.1 description of every route, kept by hand in
/// `Sources/SaringServer/OpenAPI/openapi.json` and embedded in the binary at build time (so a
/// release binary moved anywhere still serves it). Hand-written rather than generated from Swift
/// values: it is read and reviewed like the README, the fuzzer (`scripts/fuzz-api`) and the route
/// test (`OpenAPIDocumentTests`) hold it to the server, and a JSON file diff shows what changed.
struct OpenAPIController<Context: RequestContext> {
    /// The document's bytes, as built into the binary.
    static var document: Data { Data(PackageResources.openapi_json) }

    func addRoutes(to group: RouterGroup<Context>) {
        let bytes = Self.document
        group.get("openapi.json") { _, _ in
            var response = JSONResponse.make(.ok, bytes: bytes)
            response.headers[.cacheControl] = "public, max-age=300"
            return response
        }
    }
}

/// The OpenAPI document, for tests and tools.
public enum OpenAPIDocument {
    public static var bytes: Data { OpenAPIController<SaringRequestContext>.document }
}
