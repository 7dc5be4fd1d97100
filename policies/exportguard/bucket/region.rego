# METADATA
# scope: package
# title: Bucket is in the image's region
# description: >-
#   ExportImage writes only to a bucket in the image's own region; a bucket elsewhere is "not
#   found in this region" (InvalidOSSBucket.NotFound). The bucket's region is its regionId, or its
#   location (oss-<region>) without the oss- prefix.
# custom:
#   id: EG-BUCKET-002
#   severity: high
#   prevents: InvalidOSSBucket.NotFound
#   requires: [request.regionId, bucket.exists, bucket.regionId]
#   remediation: >-
#     Export to a bucket in the image's region (aliyun oss mb oss://<bucket>-<region> --acl private
#     -e oss-<region>.aliyuncs.com), or copy the image to the bucket's region first: aliyun ecs
#     CopyImage --RegionId <region> --ImageId <image> --DestinationRegionId <bucket-region>
package exportguard.bucket.region

import data.exportguard.lib.facts
import data.exportguard.lib.fix

deny contains finding if {
	facts.bucket_exists
	facts.bucket_elsewhere
	finding := {
		"msg": sprintf("OSS bucket %s is in region %s, not in the image's region %s: ExportImage would fail with InvalidOSSBucket.NotFound", [facts.bucket_name, facts.bucket_region, facts.region_id]),
		"resource": facts.bucket_name,
		"remediation": sprintf("Export to a bucket in %s (aliyun oss mb oss://%s --acl private -e %s), or copy the image to %s and export it there: %s", [
			fix.region, fix.quote(sprintf("%s-%s", [fix.bucket, fix.region])), fix.oss_endpoint(fix.region), facts.bucket_region, fix.copy_image(facts.bucket_region),
		]),
	}
}

deny contains finding if {
	facts.bucket_exists
	not facts.bucket_region
	finding := {
		"msg": sprintf("the region of OSS bucket %s is unknown (no regionId or location in the facts)", [facts.bucket_name]),
		"resource": facts.bucket_name,
		"remediation": sprintf("Check where the bucket is: aliyun oss stat oss://%s", [fix.quote(fix.bucket)]),
	}
}
