import Foundation

struct Article: Codable {
    let slug: String
    var views: Int = 0
}

@MainActor
final class Store: ObservableObject {
    @Published private(set) var articles: [Article] = []

    func load(from url: URL) async throws {
        let (data, _) = try await URLSession.shared.data(from: url)
        articles = try JSONDecoder().decode([Article].self, from: data)
        print("loaded \(articles.count) articles") /* debug */
    }
}
