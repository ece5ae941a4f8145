defmodule Galley.Articles do
  @moduledoc """
  Reads and publishes articles.
  """

  alias Galley.Repo

  def publish(%{slug: slug} = article) do
    case Repo.insert(article) do
      {:ok, saved} -> {:ok, saved}
      {:error, reason} -> {:error, "could not publish #{slug}: #{inspect(reason)}"}
    end
  end

  defp slugify(title), do: title |> String.downcase() |> String.replace(~r/\W+/, "-")
end
