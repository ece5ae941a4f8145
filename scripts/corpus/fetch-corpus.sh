#!/usr/bin/env bash
# Re-creates the migration test corpora listed in corpora.tsv under target/corpus/<name>/: each a content
# folder Galley can build, holding a blog's posts unedited, the images they name, and a site.yaml.
#
#   scripts/corpus/fetch-corpus.sh [NAME]...     every corpus, or only those named
#
# Sources come from GitHub (a blob-less clone, cached under target/corpus/.git/), or, when
# GALLEY_CORPUS_MIRRORS is set, from bare mirrors laid out as $GALLEY_CORPUS_MIRRORS/<owner>+<name>/repo.
# GALLEY_CORPUS_DIR overrides target/corpus; GALLEY_CORPUS_GIT_BASE overrides https://github.com/ (for a
# local git daemon, say). A corpus already made from its manifest line is skipped.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
manifest=$here/corpora.tsv
out=${GALLEY_CORPUS_DIR:-$(cd "$here/../.." && pwd)/target/corpus}
mirrors=${GALLEY_CORPUS_MIRRORS:-}
github=${GALLEY_CORPUS_GIT_BASE:-https://github.com/}

die() {
  echo "fetch-corpus: $*" >&2
  exit 1
}

wanted() {
  [[ $# -eq 1 ]] && return 0
  local name=$1 w
  shift
  for w in "$@"; do [[ "$w" == "$name" ]] && return 0; done
  return 1
}

# The git directory holding $2 for repository $1: a mirror, or a blob-less clone made (or updated) here.
git_dir() {
  local repo=$1 commit=$2 dir
  if [[ -n "$mirrors" ]]; then
    dir=$mirrors/${repo/\//+}/repo
    [[ -d "$dir" ]] || dir=$mirrors/${repo/\//+}
    [[ -d "$dir" ]] || die "no mirror of $repo in $mirrors"
  else
    dir=$out/.git/${repo/\//+}
    if [[ ! -d "$dir" ]]; then
      git clone -q --bare --filter=blob:none "$github$repo.git" "$dir" >&2
    fi
    if ! git -C "$dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
      git -C "$dir" fetch -q --filter=blob:none origin "$commit" >&2
    fi
  fi
  git -C "$dir" cat-file -e "$commit^{commit}" 2>/dev/null || die "$repo has no commit $commit"
  echo "$dir"
}

# The glob $1 as an extended regular expression: ** crosses folders, * and ? do not.
glob_regex() {
  printf '%s' "$1" | sed -e 's/[.+^$(){}|\\]/\\&/g' -e 's/\*\*\//@/g' -e 's/\*\*/%/g' \
    -e 's/\*/[^\/]*/g' -e 's/?/[^\/]/g' -e 's/@/(.*\/)?/g' -e 's/%/.*/g'
}

# Prints "DIR<TAB>PATH" for every file of $3 (comma-separated DIR:GLOB entries) at commit $2 in git dir $1.
list_files() {
  local gitdir=$1 commit=$2 entries=$3 entry dir glob
  [[ "$entries" == "-" ]] && return 0
  IFS=, read -ra parts <<<"$entries"
  for entry in "${parts[@]}"; do
    dir=${entry%%:*} glob=${entry#*:}
    git -C "$gitdir" ls-tree -r --name-only "$commit" -- "$dir/" |
      RE="^$(glob_regex "$dir/$glob")\$" awk -v dir="$dir" '$0 ~ ENVIRON["RE"] { print dir "\t" $0 }'
  done
}

# In a blob-less clone, fetches the blobs of the files listed in $3 (DIR<TAB>PATH lines) in one request, as
# git's own lazy fetch does, instead of one request per file. A mirror has them all already.
prefetch() {
  local gitdir=$1 commit=$2 files=$3
  [[ -z "$mirrors" && -s "$files" ]] || return 0
  git -C "$gitdir" ls-tree -r --full-tree "$commit" |
    awk -F'\t' 'NR == FNR { wanted[$2] = 1; next } ($2 in wanted) { split($1, f, " "); print f[3] }' "$files" - |
    git -C "$gitdir" -c fetch.negotiationAlgorithm=noop fetch -q origin --no-tags --no-write-fetch-head \
      --recurse-submodules=no --filter=blob:none --stdin
}

build_corpus() {
  local name=$1 repo=$2 commit=$3 title=$4 posts=$5 images=$6 base_url=$7 permalink=$8 former=${9:--}
  local stamp=$out/.stamps/$name
  # The stamp is the manifest line, so a changed glob re-creates the corpus as a changed commit does.
  local line
  line=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$repo" "$commit" "$title" "$posts" "$images" "$base_url" "$permalink" "$former")
  if [[ -d "$out/$name" && -f "$stamp" && "$(cat "$stamp")" == "$line" ]]; then
    echo "$name: already at ${commit:0:12}, skipped"
    return 0
  fi
  local gitdir
  gitdir=$(git_dir "$repo" "$commit")
  work=$(mktemp -d "$out/.work-$name.XXXXXX")

  list_files "$gitdir" "$commit" "$posts" | sort -u >"$work/posts.tsv"
  [[ -s "$work/posts.tsv" ]] || die "$name: no posts match $posts at $commit"
  prefetch "$gitdir" "$commit" "$work/posts.tsv"
  # Only the images whose file name, or name without extension (Hugo's shortcodes drop it), a post mentions.
  cut -f2 "$work/posts.tsv" | sed "s|^|$commit:|" | git -C "$gitdir" cat-file --batch |
    grep -aoE '[A-Za-z0-9_.-]+' | sort -u >"$work/words"
  list_files "$gitdir" "$commit" "$images" | grep -iE '\.(png|jpe?g|gif|webp|avif|svg)$' |
    awk -F'\t' 'NR == FNR { said[$0] = 1; next }
      { file = $2; sub(/.*\//, "", file); stem = file; sub(/\.[^.]*$/, "", stem) }
      (file in said) || (stem in said)' "$work/words" - >"$work/images.tsv" || true

  prefetch "$gitdir" "$commit" "$work/images.tsv"
  cat "$work/posts.tsv" "$work/images.tsv" >"$work/files.tsv"
  mkdir "$work/tree" "$work/corpus"
  cut -f2 "$work/files.tsv" | tr '\n' '\0' |
    xargs -0 git -C "$gitdir" archive --format=tar "$commit" -- | tar -x -i -C "$work/tree"  # -i: xargs may make several
  local dir path
  while IFS=$'\t' read -r dir path; do
    mkdir -p "$work/corpus/$(dirname "${path#"$dir"/}")"
    mv "$work/tree/$path" "$work/corpus/${path#"$dir"/}"
  done <"$work/files.tsv"

  cat >"$work/corpus/site.yaml" <<YAML
title: $title
description: Migration test corpus, the posts of $repo at ${commit:0:12}, unedited.
baseUrl: $base_url
language: en
timezone: UTC
permalink: $permalink
YAML
  if [[ "$former" != "-" ]]; then
    echo "formerPermalinks: [$former]" >>"$work/corpus/site.yaml"
  fi

  local counts
  counts="$(wc -l <"$work/posts.tsv") posts, $(wc -l <"$work/images.tsv") images"
  rm -rf "${out:?}/$name"
  mv "$work/corpus" "$out/$name"
  rm -rf "$work"
  work=
  mkdir -p "$out/.stamps"
  echo "$line" >"$stamp"
  echo "$name: $counts from $repo at ${commit:0:12}"
}

work=
trap 'rm -rf "${work:-}"' EXIT
mkdir -p "$out"
[[ -f "$manifest" ]] || die "no manifest at $manifest"
# The manifest comes in on descriptor 3, so nothing in the loop that reads standard input can eat it.
while IFS=$'\t' read -r -u 3 name repo commit title posts images base_url permalink former; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  wanted "$name" "$@" || continue
  build_corpus "$name" "$repo" "$commit" "$title" "$posts" "$images" "$base_url" "$permalink" "$former"
done 3<"$manifest"
