import 'package:http/http.dart' as http;

class Article {
  final String title;
  final int minutes;

  const Article({required this.title, this.minutes = 5});
}

Future<List<Article>> fetch(Uri uri) async {
  final response = await http.get(uri);
  if (response.statusCode != 200) {
    throw Exception('failed: ${response.statusCode}');
  }
  return [];
}
