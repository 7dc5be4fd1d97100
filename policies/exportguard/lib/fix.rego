# METADATA
# scope: package
# title: Remediation text helpers
# description: >-
#   Pieces of the per-finding remediation the checks render with the run's own names (bucket,
#   image, role, region, prefix, dates): shell quoting, the policy documents the export needs, and
#   the aliyun CLI commands that apply them. Not a check: no custom.id.
package exportguard.lib.fix

import data.exportguard.lib.facts

# quote leaves words of safe characters as they are and single-quotes everything else for a POSIX
# shell, so a name from the facts cannot break out of the command it is put in.
quote(s) := s if regex.match(`^[A-Za-z0-9._/:=@%+,-]+$`, s)

else := concat("", ["'", replace(s, "'", `'\''`), "'"])

# trust_document: the trust policy ExportImage documents for its role.
trust_document := json.marshal({"Version": "1", "Statement": [{
	"Action": "sts:AssumeRole",
	"Effect": "Allow",
	"Principal": {"Service": ["ecs.aliyuncs.com"]},
}]})

# update_trust: replace the role's trust policy with the documented one.
update_trust := sprintf("aliyun ram UpdateRole --RoleName %s --NewAssumeRolePolicyDocument %s", [
	quote(facts.role_name), quote(trust_document),
])

# attach_system_policy: attach the system policy that grants the export's eight OSS actions.
attach_system_policy := sprintf("aliyun ram AttachPolicyToRole --PolicyType System --PolicyName AliyunECSImageExportRolePolicy --RoleName %s", [quote(facts.role_name)])

# object_resource: the resource pattern that covers every object the export may write.
object_resource := sprintf("acs:oss:*:*:%s/%s*", [bucket, facts.prefix])

# export_policy_document: a custom policy granting the actions on the bucket and every object under
# the prefix (region and account as '*', the documented forms).
export_policy_document(actions) := json.marshal({"Version": "1", "Statement": [{
	"Effect": "Allow",
	"Action": actions,
	"Resource": [sprintf("acs:oss:*:*:%s", [bucket]), object_resource],
}]})

# put_bucket_policy: upload an edited bucket policy, or delete it.
put_bucket_policy := sprintf("aliyun oss bucket-policy --method put oss://%s policy.json", [quote(bucket)])

delete_bucket_policy := sprintf("aliyun oss bucket-policy --method delete oss://%s", [quote(bucket)])

# region, image, bucket: the request's values for commands, or a placeholder when not given.
region := facts.region_id if facts.region_id != "(no region)" else := "<region-id>"

image := facts.image_id if facts.image_id != "(no image)" else := "<image-id>"

bucket := facts.bucket_name if facts.bucket_name != "(no bucket)" else := "<bucket>"

# image_name: the image's own name, for names of derived images.
image_name := n if {
	n := input.image.name
	is_string(n)
	n != ""
} else := "image"

# oss_endpoint: the public OSS endpoint of a region.
oss_endpoint(r) := sprintf("oss-%s.aliyuncs.com", [r])

# export_command: the ExportImage call with this run's values, the given prefix and extra flags.
export_command(prefix, extra) := trim_space(concat(" ", [
	sprintf("aliyun ecs ExportImage --RegionId %s --ImageId %s --OSSBucket %s", [quote(region), quote(image), quote(bucket)]),
	_prefix_flag(prefix),
	extra,
]))

_prefix_flag(prefix) := sprintf("--OSSPrefix %s", [quote(prefix)]) if prefix != "" else := ""

# describe_image: show the image's status and OS.
describe_image(columns) := sprintf("aliyun ecs DescribeImages --RegionId %s --ImageId %s --Status ALL --output cols=%s rows=Images.Image[]", [
	quote(region), quote(image), columns,
])

# copy_image: copy the image to another region.
copy_image(destination) := sprintf("aliyun ecs CopyImage --RegionId %s --ImageId %s --DestinationRegionId %s --DestinationImageName %s", [
	quote(region), quote(image), quote(destination), quote(sprintf("%s-copy", [image_name])),
])

# create_image_from_instance: make a new custom image from an instance (the user picks the instance).
create_image_from_instance(suffix) := sprintf("aliyun ecs CreateImage --RegionId %s --InstanceId <instance-id> --ImageName %s", [
	quote(region), quote(sprintf("%s-%s", [image_name, suffix])),
])
