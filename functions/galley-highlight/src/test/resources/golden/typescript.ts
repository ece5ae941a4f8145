interface Article {
  readonly slug: string;
  tags: string[];
  publishedAt?: Date;
}

type Draft = Omit<Article, "publishedAt">;

export function publish(draft: Draft, now = new Date()): Article {
  return { ...draft, publishedAt: now };
}

const tagged = (tag: string) => (a: Article): boolean => a.tags.includes(tag);
