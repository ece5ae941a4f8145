terraform {
  required_version = ">= 1.6"
}

# The bucket authors upload to
resource "aws_s3_bucket" "content" {
  bucket        = "${var.name}-content"
  force_destroy = false

  tags = {
    Project = "galley"
  }
}

variable "name" {
  type    = string
  default = "galley"
}

output "bucket_arn" {
  value = aws_s3_bucket.content.arn
}
