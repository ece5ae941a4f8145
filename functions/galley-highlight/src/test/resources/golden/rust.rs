use std::collections::HashMap;

/// Counts words in a borrowed string.
#[derive(Debug, Default)]
pub struct Counter<'a> {
    counts: HashMap<&'a str, usize>,
}

impl<'a> Counter<'a> {
    pub fn add(&mut self, text: &'a str) {
        for word in text.split_whitespace() {
            *self.counts.entry(word).or_insert(0) += 1;
        }
        println!("{} distinct, raw: {}", self.counts.len(), r#"a "quoted" word"#);
    }
}
