# METADATA
# scope: package
# title: Facts helpers
# description: >-
#   Names of the things a finding is about, always defined (a placeholder when a fact is missing,
#   so a finding is never lost to an undefined variable), and the existence tests every check
#   builds on. Not a check: it has no custom.id.
package exportguard.lib.facts

default_role_name := "AliyunECSImageExportDefaultRole"

region_id := id if {
	id := input.request.regionId
	is_string(id)
	id != ""
} else := "(no region)"

image_id := id if {
	id := input.request.imageId
	is_string(id)
	id != ""
} else := "(no image)"

bucket_name := name if {
	name := input.request.ossBucket
	is_string(name)
	name != ""
} else := "(no bucket)"

# prefix: the OSS prefix of the request ("" when none was given).
prefix := p if {
	p := input.request.ossPrefix
	is_string(p)
	p != ""
} else := ""

# role_name: the role the export will use (the request's, else the default ExportImage uses).
role_name := name if {
	name := input.request.roleName
	is_string(name)
	name != ""
} else := default_role_name

# role_resource: the role's ARN when known, else its name.
role_resource := arn if {
	arn := input.role.arn
	is_string(arn)
	arn != ""
} else := role_name

# bucket_region: the bucket's region, from its regionId or its location (oss-<region>).
bucket_region := r if {
	r := input.bucket.regionId
	is_string(r)
	r != ""
} else := r if {
	location := input.bucket.location
	is_string(location)
	startswith(location, "oss-")
	r := trim_prefix(location, "oss-")
}

# bucket_elsewhere: the bucket is known to be in another region than the request's (EG-BUCKET-002
# fails then; facts read through the request's regional endpoint may be missing).
bucket_elsewhere if bucket_region != input.request.regionId

# attached_policies: the role's attached policies; none when the fact is missing (so nothing is
# granted: fail closed).
attached_policies := input.role.attachedPolicies if is_array(input.role.attachedPolicies) else := []

# out_of_scope: the run does not cover the area (an account audit given no bucket, or one whose
# bucket another target decides): it is listed in skipped with outOfScope true.
out_of_scope(area) if {
	some s in input.skipped
	s.area == area
	s.outOfScope == true
}

# The existence tests are true only on a positive fact; a missing area is not "exists".
image_exists if input.image.exists == true

role_exists if input.role.exists == true

bucket_exists if input.bucket.exists == true

# unknown_existence: the area or its exists flag is missing or not a boolean.
unknown_existence(area) if not is_boolean(object.get(input, [area, "exists"], null))

# snapshot_id and device name a disk of the image in findings.
snapshot_id(disk) := object.get(disk, "snapshotId", "(unknown snapshot)")

device(disk) := object.get(disk, "device", "(unknown device)")
