# One export of the modules fixture: a bucket and an export into it.
resource "alicloud_oss_bucket" "export" {
  bucket = "exports-us"
  acl    = "public-read"

  server_side_encryption_rule {
    sse_algorithm = "AES256"
  }
}

resource "alicloud_image_export" "nightly" {
  image_id   = "m-bp1demo0001"
  oss_bucket = alicloud_oss_bucket.export.bucket
  oss_prefix = "nightly"
}
