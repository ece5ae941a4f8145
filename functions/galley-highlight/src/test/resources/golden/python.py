from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    slug: str
    minutes: int = 1

    def summary(self) -> str:
        """One line for the index page."""
        return f"{self.slug} ({self.minutes} min)"


def published(articles: list[Article]) -> list[Article]:
    return [a for a in articles if a.minutes > 0]  # skip empty ones
