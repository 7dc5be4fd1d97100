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


def main():
    resources = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    p = Plan()
    n = 0
    export_role(p)
    while len(p.changes) + 2 <= resources:
        export_bucket(p, n, "eg-exports-%d" % n)
        n += 1
    while len(p.changes) < resources:
        p.resource("alicloud_oss_bucket", "extra%d" % len(p.changes), {"bucket": "eg-extra-%d" % len(p.changes)},
                   unknown=["id"])
    json.dump(p.document(), sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
