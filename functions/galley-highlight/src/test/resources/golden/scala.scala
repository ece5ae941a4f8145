import scala.concurrent.Future

case class User(id: Long, email: String)

trait UserRepository {
  def find(id: Long): Future[Option[User]]
}

object Main extends App {
  val users = List(User(1, "ada@example.com"), User(2, "alan@example.com"))
  // group by domain
  val byDomain = users.groupBy(_.email.split('@')(1))
  println(s"domains: ${byDomain.keys.mkString(", ")}")
}
