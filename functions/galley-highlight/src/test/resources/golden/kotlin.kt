@Serializable
data class Article(val slug: String, val tags: List<String> = emptyList())

suspend fun fetchArticles(client: HttpClient): List<Article> {
    val response = client.get("https://example.com/api/articles")
    // Only published ones
    return response.body<List<Article>>().filter { it.tags.isNotEmpty() }
}

object Cache {
    private val entries = mutableMapOf<String, Article>()
    fun put(a: Article) { entries[a.slug] = a }
}
