require "json"

class Article
  attr_reader :title, :tags

  def initialize(title:, tags: [])
    @title = title
    @tags = tags.map(&:downcase)
  end

  def tagged?(tag)
    @tags.include?(tag.downcase)
  end
end

articles = JSON.parse(File.read("articles.json"), symbolize_names: true)
puts articles.count { |a| a[:draft] == false } # published
