# The Terraform source of the fixture plans in this folder (the plans were written to the documented
# plan format; this file lets a scan point findings at the .tf lines). Provider: aliyun/alicloud.
variable "region" {
  default = "cn-hangzhou"
}

provider "alicloud" {
  region = var.region
}

data "alicloud_account" "current" {}

resource "alicloud_ram_role" "export" {
  role_name                   = "AliyunECSImageExportDefaultRole"
  description                 = "ExportImage writes to OSS as this role"
  assume_role_policy_document = file("${path.module}/trust.json")
}

resource "alicloud_ram_policy" "export" {
  policy_name     = "AliyunECSImageExportRolePolicy"
  policy_document = file("${path.module}/export-policy.json")
}

resource "alicloud_ram_role_policy_attachment" "export" {
  role_name   = alicloud_ram_role.export.role_name
  policy_name = alicloud_ram_policy.export.policy_name
  policy_type = "Custom"
}

resource "alicloud_oss_bucket" "export" {
  bucket = "my-export-bucket"
  acl    = "private"

  server_side_encryption_rule {
    sse_algorithm = "AES256"
  }
}

resource "alicloud_image_export" "nightly" {
  image_id   = "m-bp1demo0001"
  oss_bucket = alicloud_oss_bucket.export.bucket
  oss_prefix = "nightly"
}

module "eu" {
  source = "./modules/eu"
}

module "us" {
  source = "./modules/us"
}
