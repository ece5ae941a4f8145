<?php

declare(strict_types=1);

namespace App\Http;

final class ArticleController
{
    public function __construct(private ArticleRepository $articles) {}

    public function show(string $slug): Response
    {
        $article = $this->articles->findBySlug($slug);
        if ($article === null) {
            throw new NotFoundException("no article '$slug'");
        }
        # render it
        return view('article', ['article' => $article]);
    }
}
