{-# LANGUAGE OverloadedStrings #-}
module Main where

import qualified Data.Map as Map

-- | Count words, case-insensitively.
wordCounts :: [String] -> Map.Map String Int
wordCounts = foldl' step Map.empty
  where
    step acc w = Map.insertWith (+) w 1 acc

data Shape = Circle Double | Rect Double Double
  deriving (Show, Eq)

main :: IO ()
main = print (wordCounts ["a", "b", "a"])
