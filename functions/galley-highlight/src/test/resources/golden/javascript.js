import { readFile } from 'node:fs/promises';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function loadArticle(path) {
  const text = await readFile(path, 'utf8');
  const slug = path.split('/').pop().replace(/\.md$/, '');
  if (!SLUG.test(slug)) {
    throw new Error(`bad slug: ${slug}`);
  }
  return { slug, words: text.split(/\s+/).length / 1 };
}
