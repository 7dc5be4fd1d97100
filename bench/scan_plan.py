#!/usr/bin/env python3
"""Writes Terraform plan JSON (terraform show -json, format 1.2) with alicloud export resources.

Used by bench/scan.sh to generate large plans (python3 bench/scan_plan.py RESOURCES > plan.json).
The shape follows a real plan of the built-in terraform_data resource (resource_changes with
after/after_unknown, planned_values, configuration with expressions and references, prior_state for
data sources read while planning); the alicloud arguments follow the provider's documented schemas.
"""
import json
import sys

OSS_ACTIONS = ["oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:GetBucketLocation",
               "oss:GetBucketInfo", "oss:AbortMultipartUpload", "oss:ListMultipartUploads", "oss:ListParts"]
ECS_TRUST = {"Version": "1", "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                                           "Principal": {"Service": ["ecs.aliyuncs.com"]}}]}


def policy_text(doc):
    return json.dumps(doc, indent=2)


def export_policy(actions=OSS_ACTIONS, resource="*"):
    return {"Version": "1", "Statement": [{"Effect": "Allow", "Action": list(actions), "Resource": resource}]}


class Plan:
    def __init__(self, region="cn-hangzhou", account="1234567890123456"):
        self.changes, self.planned, self.config, self.prior = [], {}, {}, []
        self.calls = {}
        self.region = region
        if account:
            self.prior.append({"address": "data.alicloud_account.current", "mode": "data", "type": "alicloud_account",
                               "name": "current", "provider_name": "registry.terraform.io/aliyun/alicloud",
                               "schema_version": 0, "values": {"id": account}, "sensitive_values": {}})
            self.config_resource("", "data", "alicloud_account", "current", {})

    def config_resource(self, module, mode, type_, name, expressions):
        m = self.module_config(module)
        m.setdefault("resources", []).append({
            "address": ("data." if mode == "data" else "") + type_ + "." + name, "mode": mode, "type": type_,
            "name": name, "provider_config_key": "alicloud", "expressions": expressions, "schema_version": 0})

    def module_config(self, module):
        node = self.config
        if not module:
            return node
        for call in module.split("."):
            if call == "module":
                continue
            node = node.setdefault("module_calls", {}).setdefault(call, {"source": "./modules/" + call, "module": {}})["module"]
        return node

    def resource(self, type_, name, after, unknown=(), refs=None, module="", actions=("create",), index=None):
        """Adds a managed resource; refs maps an argument to the references its expression names."""
        prefix = module + "." if module else ""
        key = "" if index is None else ("[%d]" % index if isinstance(index, int) else '["%s"]' % index)
        address = prefix + type_ + "." + name + key
        after = dict(after)
        after_unknown = {u: True for u in unknown}
        for u in unknown:
            after.pop(u, None)
        rc = {"address": address, "mode": "managed", "type": type_, "name": name,
              "provider_name": "registry.terraform.io/aliyun/alicloud",
              "change": {"actions": list(actions), "before": None if list(actions) == ["create"] else dict(after),
                         "after": None if list(actions) == ["delete"] else after,
                         "after_unknown": after_unknown, "before_sensitive": False, "after_sensitive": {}}}
        if module:
            rc["module_address"] = module
        if index is not None:
            rc["index"] = index
        self.changes.append(rc)
        pm = self.planned.setdefault(module, [])
        pm.append({"address": address, "mode": "managed", "type": type_, "name": name,
                   "provider_name": "registry.terraform.io/aliyun/alicloud", "schema_version": 0,
                   "values": after, "sensitive_values": {}})
        if index in (None, 0):
            expressions = {}
            for arg, value in after.items():
                expressions[arg] = {"constant_value": value}
            for arg, references in (refs or {}).items():
                expressions[arg] = {"references": list(references)}
            self.config_resource(module, "managed", type_, name, expressions)
        return address

    def document(self):
        root = {"resources": self.planned.get("", [])}
        children = [{"resources": self.planned[m], "address": m} for m in sorted(self.planned) if m]
        if children:
            root["child_modules"] = children  # one level of modules is all the fixtures use
        return {
            "format_version": "1.2", "terraform_version": "1.11.4",
            "variables": {"region": {"value": self.region}},
            "planned_values": {"root_module": root},
            "resource_changes": self.changes,
            "prior_state": {"format_version": "1.0", "terraform_version": "1.11.4",
                            "values": {"root_module": {"resources": self.prior}}},
            "configuration": {"provider_config": {"alicloud": {
                "name": "alicloud", "full_name": "registry.terraform.io/aliyun/alicloud",
                "expressions": {"region": {"references": ["var.region"]}}}},
                "root_module": self.config},
            "timestamp": "2026-12-04T22:00:00Z", "applyable": True, "complete": True, "errored": False,
        }


ROLE = "AliyunECSImageExportDefaultRole"


def export_role(p, module="", actions=OSS_ACTIONS, n=0):
    """The role ExportImage uses (alicloud_image_export has no role argument), its policy and attachment."""
    p.resource("alicloud_ram_role", "export%d" % n, {
        "role_name": ROLE, "assume_role_policy_document": policy_text(ECS_TRUST),
        "description": "export role", "force": False}, unknown=["arn", "id", "role_id"], module=module)
    p.resource("alicloud_ram_policy", "export%d" % n, {
        "policy_name": "ExportOss%d" % n, "policy_document": policy_text(export_policy(actions)),
        "force": False}, unknown=["id", "type", "default_version"], module=module)
    p.resource("alicloud_ram_role_policy_attachment", "export%d" % n, {
        "role_name": ROLE, "policy_name": "ExportOss%d" % n, "policy_type": "Custom"},
        unknown=["id"], module=module,
        refs={"role_name": ["alicloud_ram_role.export%d.role_name" % n, "alicloud_ram_role.export%d" % n],
              "policy_name": ["alicloud_ram_policy.export%d.policy_name" % n, "alicloud_ram_policy.export%d" % n]})


def export_bucket(p, n, bucket, module=""):
    """A private, encrypted bucket and an export of one image into it."""
    p.resource("alicloud_oss_bucket", "export%d" % n, {
        "bucket": bucket, "acl": "private", "force_destroy": False,
        "server_side_encryption_rule": [{"sse_algorithm": "AES256", "kms_master_key_id": None}]},
        unknown=["id", "creation_date", "extranet_endpoint", "intranet_endpoint", "location", "owner"], module=module)
    p.resource("alicloud_image_export", "export%d" % n, {
        "image_id": "m-bp1demo%04d" % n, "oss_bucket": bucket, "oss_prefix": "nightly"},
        unknown=["id"], module=module, refs={"oss_bucket": ["alicloud_oss_bucket.export%d.bucket" % n,
                                                           "alicloud_oss_bucket.export%d" % n]})


def filler(p, n):
    """Infrastructure a scan reads past: a VPC, a vSwitch and an instance referring to each other."""
    p.resource("alicloud_vpc", "net%d" % n, {"vpc_name": "net-%d" % n, "cidr_block": "10.%d.0.0/16" % (n % 250)},
               unknown=["id", "route_table_id", "router_id"])
    p.resource("alicloud_vswitch", "net%d" % n, {"vswitch_name": "sw-%d" % n, "cidr_block": "10.%d.1.0/24" % (n % 250),
               "zone_id": "cn-hangzhou-h"}, unknown=["id", "vpc_id"],
               refs={"vpc_id": ["alicloud_vpc.net%d.id" % n, "alicloud_vpc.net%d" % n]})
    p.resource("alicloud_instance", "web%d" % n, {"instance_name": "web-%d" % n, "instance_type": "ecs.g7.large",
               "image_id": "m-bp1base0001", "system_disk_category": "cloud_essd", "system_disk_size": 40,
               "internet_max_bandwidth_out": 0, "tags": {"team": "web", "n": str(n)}},
               unknown=["id", "vswitch_id", "private_ip", "public_ip", "status"],
               refs={"vswitch_id": ["alicloud_vswitch.net%d.id" % n, "alicloud_vswitch.net%d" % n]})


def main():
    """RESOURCES [EVERY]: about RESOURCES resources; every EVERY-th unit is a bucket and an export into it (default 50),
    the other units a VPC, vSwitch and instance; one export role with its policy."""
    resources = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    every = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    p = Plan()
    export_role(p)
    n = 0
    while len(p.changes) < resources:
        if n % every == 0 and len(p.changes) + 2 <= resources:
            export_bucket(p, n, "eg-exports-%d" % n)
        else:
            filler(p, n)
        n += 1
    json.dump(p.document(), sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
