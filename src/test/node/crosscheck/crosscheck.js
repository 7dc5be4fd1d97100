'use strict';
// Runs official Alibaba Cloud Node clients against a running exportguard sandbox and prints one
// JSON object: for every named call, {"value": ...} when it succeeded or {"code": ...} when the
// service refused it. OfficialNodeClientsIT starts the sandbox and checks each entry.
//
// Every host name resolves to 127.0.0.1 (see `lookup`), so ali-oss can address buckets
// virtual-hosted style (`my-export-bucket.oss-cn-hangzhou.aliyuncs.com:PORT`) and nothing leaves
// the machine.
//
// Environment: SANDBOX_PORT, SANDBOX_ACCESS_KEY_ID, SANDBOX_ACCESS_KEY_SECRET, ASSUMABLE_ROLE_ARN.

const http = require('http');
const RPCClient = require('@alicloud/pop-core').RPCClient;
const Ecs = require('@alicloud/ecs20140526');
const { $OpenApiUtil } = require('@alicloud/openapi-core');
const $dara = require('@darabonba/typescript');
const OSS = require('ali-oss');

const port = process.env.SANDBOX_PORT;
const keyId = process.env.SANDBOX_ACCESS_KEY_ID;
const secret = process.env.SANDBOX_ACCESS_KEY_SECRET;
const roleArn = process.env.ASSUMABLE_ROLE_ARN;
const results = {};

function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  if (options && options.all) {
    callback(null, [{ address: '127.0.0.1', family: 4 }]);
  } else {
    callback(null, '127.0.0.1', 4);
  }
}
const agent = new http.Agent({ keepAlive: true, lookup });

async function check(name, call) {
  try {
    results[name] = { value: await call() };
  } catch (e) {
    results[name] = { code: e.code || e.name, status: e.status || e.statusCode, message: String(e.message).slice(0, 300) };
  }
}

// --- @alicloud/pop-core: signature V1 (HMAC-SHA1) RPC ----------------------------------------------
function pop(apiVersion, accessKeySecret, accessKeyId, securityToken) {
  return new RPCClient({
    accessKeyId: accessKeyId || keyId,
    accessKeySecret: accessKeySecret || secret,
    securityToken,
    endpoint: `http://127.0.0.1:${port}`,
    apiVersion,
    opts: { timeout: 5000 },
  });
}
const POST = { method: 'POST', timeout: 5000 };

async function popCore() {
  const ecs = pop('2014-05-26');
  await check('pop.ecs.DescribeRegions', async () =>
    (await ecs.request('DescribeRegions', {}, POST)).Regions.Region.map((r) => r.RegionId));
  await check('pop.ecs.DescribeImages', async () => {
    const r = await ecs.request('DescribeImages', { RegionId: 'cn-hangzhou', ImageId: 'm-bp1demo0001' }, POST);
    const image = r.Images.Image[0];
    return { total: r.TotalCount, name: image.ImageName, snapshots: image.DiskDeviceMappings.DiskDeviceMapping.map((d) => d.SnapshotId) };
  });
  await check('pop.ecs.DescribeSnapshots', async () =>
    (await ecs.request('DescribeSnapshots', { RegionId: 'cn-hangzhou', SnapshotIds: '["s-bp1sys0001","s-bp1data0001"]' }, POST))
      .Snapshots.Snapshot.map((s) => s.SnapshotId).sort());
  await check('pop.ecs.ExportImage', async () => {
    const taskId = (await ecs.request('ExportImage',
      { RegionId: 'cn-hangzhou', ImageId: 'm-bp1demo0001', OSSBucket: 'my-export-bucket', OSSPrefix: 'pop' }, POST)).TaskId;
    const attr = await ecs.request('DescribeTaskAttribute', { RegionId: 'cn-hangzhou', TaskId: taskId }, POST);
    await ecs.request('CancelTask', { RegionId: 'cn-hangzhou', TaskId: taskId }, POST);
    const tasks = await ecs.request('DescribeTasks', { RegionId: 'cn-hangzhou', TaskIds: taskId }, POST);
    return { processing: attr.TaskStatus, disks: attr.OperationProgressSet.OperationProgress.length, after: tasks.TaskSet.Task[0].TaskStatus };
  });
  const ram = pop('2015-05-01');
  await check('pop.ram.GetRole', async () =>
    (await ram.request('GetRole', { RoleName: 'AliyunECSImageExportDefaultRole' }, POST)).Role.Arn);
  await check('pop.ram.ListPoliciesForRole', async () =>
    (await ram.request('ListPoliciesForRole', { RoleName: 'AliyunECSImageExportDefaultRole' }, POST)).Policies.Policy.map((p) => p.PolicyName));
  await check('pop.ram.GetPolicy', async () =>
    (await ram.request('GetPolicy', { PolicyName: 'AliyunECSImageExportRolePolicy', PolicyType: 'System' }, POST)).Policy.DefaultVersion);
  await check('pop.ram.GetPolicyVersion', async () =>
    (await ram.request('GetPolicyVersion', { PolicyName: 'AliyunECSImageExportRolePolicy', PolicyType: 'System', VersionId: 'v1' }, POST))
      .PolicyVersion.IsDefaultVersion);
  const sts = pop('2015-04-01');
  await check('pop.sts.GetCallerIdentity', async () => (await sts.request('GetCallerIdentity', {}, POST)).Arn);
  await check('pop.sts.AssumeRole', async () => {
    const c = (await sts.request('AssumeRole', { RoleArn: roleArn, RoleSessionName: 'pop' }, POST)).Credentials;
    // The temporary credentials sign the next call.
    const me = await pop('2015-04-01', c.AccessKeySecret, c.AccessKeyId, c.SecurityToken).request('GetCallerIdentity', {}, POST);
    return me.IdentityType;
  });
  await check('pop.wrongSecret', () => pop('2014-05-26', 'wrong-secret').request('DescribeRegions', {}, POST));
}

// --- @alicloud/ecs20140526: the current SDK generation, signature V3 (ACS3-HMAC-SHA256) ---------------
function ecsV3(accessKeySecret) {
  return new Ecs.default(new $OpenApiUtil.Config({
    accessKeyId: keyId, accessKeySecret: accessKeySecret || secret, endpoint: `127.0.0.1:${port}`, protocol: 'HTTP',
    regionId: 'cn-hangzhou', readTimeout: 5000, connectTimeout: 2000,
  }));
}
function withHeaders(headers) {
  return new $dara.RuntimeOptions({ extendsParameters: new $dara.ExtendsParameters({ headers }) });
}

async function ecsV3Calls() {
  const ecs = ecsV3();
  await check('v3.ecs.DescribeRegions', async () =>
    (await ecs.describeRegions(new Ecs.DescribeRegionsRequest({}))).body.regions.region.map((r) => r.regionId));
  await check('v3.ecs.DescribeImages', async () => {
    const body = (await ecs.describeImages(new Ecs.DescribeImagesRequest({ regionId: 'cn-hangzhou', imageId: 'm-bp1demo0001' }))).body;
    const image = body.images.image[0];
    return { total: body.totalCount, name: image.imageName, snapshots: image.diskDeviceMappings.diskDeviceMapping.map((d) => d.snapshotId) };
  });
  await check('v3.ecs.DescribeSnapshots', async () =>
    (await ecs.describeSnapshots(new Ecs.DescribeSnapshotsRequest({ regionId: 'cn-hangzhou', snapshotIds: '["s-bp1sys0001","s-bp1data0001"]' })))
      .body.snapshots.snapshot.map((s) => s.snapshotId).sort());
  await check('v3.ecs.ExportImage', async () => {
    const taskId = (await ecs.exportImage(new Ecs.ExportImageRequest({
      regionId: 'cn-hangzhou', imageId: 'm-bp1demo0001', OSSBucket: 'my-export-bucket', OSSPrefix: 'v3', imageFormat: 'vhd',
    }))).body.taskId;
    const attr = (await ecs.describeTaskAttribute(new Ecs.DescribeTaskAttributeRequest({ regionId: 'cn-hangzhou', taskId }))).body;
    await ecs.cancelTask(new Ecs.CancelTaskRequest({ regionId: 'cn-hangzhou', taskId }));
    const tasks = (await ecs.describeTasks(new Ecs.DescribeTasksRequest({ regionId: 'cn-hangzhou', resourceIds: ['m-bp1demo0001'] }))).body;
    return {
      processing: attr.taskStatus, disks: attr.operationProgressSet.operationProgress.length,
      after: tasks.taskSet.task.filter((t) => t.taskId === taskId).map((t) => t.taskStatus)[0],
    };
  });
  await check('v3.ecs.InvalidRegion', () => ecs.describeImages(new Ecs.DescribeImagesRequest({ regionId: 'cn-nowhere', imageId: 'm-x' })));
  await check('v3.wrongSecret', () => ecsV3('wrong-secret').describeRegions(new Ecs.DescribeRegionsRequest({})));
  const stale = new Date(Date.now() - 16 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await check('v3.staleDate', () => ecs.describeRegionsWithOptions(new Ecs.DescribeRegionsRequest({}), withHeaders({ 'x-acs-date': stale })));
  const nonce = withHeaders({ 'x-acs-signature-nonce': `node-${process.pid}-${Date.now()}` });
  await check('v3.nonceFirstUse', async () => (await ecs.describeRegionsWithOptions(new Ecs.DescribeRegionsRequest({}), nonce)).statusCode);
  await check('v3.nonceReused', () => ecs.describeRegionsWithOptions(new Ecs.DescribeRegionsRequest({}), nonce));
}

// --- ali-oss: V1 and V4, virtual-hosted ------------------------------------------------------------
function oss(options) {
  return new OSS(Object.assign({
    accessKeyId: keyId, accessKeySecret: secret, endpoint: `http://oss-cn-hangzhou.aliyuncs.com:${port}`,
    region: 'oss-cn-hangzhou', bucket: 'my-export-bucket', agent, timeout: 5000, retryMax: 0,
  }, options));
}

async function aliOss(version) {
  const v4 = version === 'v4';
  const client = oss({ authorizationV4: v4 });
  const p = `oss.${version}.`;
  await check(p + 'getBucketInfo', async () => {
    const b = (await client.getBucketInfo('my-export-bucket')).bucket;
    return { name: b.Name, location: b.Location };
  });
  await check(p + 'getBucketLocation', async () => (await client.getBucketLocation('my-export-bucket')).location);
  await check(p + 'getBucketACL', async () => (await client.getBucketACL('my-export-bucket')).acl);
  await check(p + 'getBucketPolicy', async () => (await client.getBucketPolicy('my-export-bucket')).policy);
  await check(p + 'getBucketEncryption', async () =>
    (await client.getBucketEncryption('my-export-bucket')).encryption.SSEAlgorithm);
  await check(p + 'getBucketVersioning', async () => (await client.getBucketVersioning('my-export-bucket')).versionStatus || null);
  await check(p + 'list', async () => (await client.list({ prefix: 'exports/' })).objects.map((o) => `${o.name}:${o.size}`));
  await check(p + 'listV2', async () => (await client.listV2({ prefix: 'exports/' })).objects.map((o) => `${o.name}:${o.size}`));
  await check(p + 'head', async () => (await client.head('exports/readme.txt')).res.headers['content-length']);
  await check(p + 'getObjectMeta', async () => (await client.getObjectMeta('exports/readme.txt')).res.headers['content-length']);
  await check(p + 'get', async () => (await client.get('exports/readme.txt')).content.length);
  await check(p + 'noSuchBucket', () => client.getBucketInfo('no-such-bucket-here'));
  await check(p + 'wrongSecret', () => oss({ authorizationV4: v4, accessKeySecret: 'wrong-secret' }).getBucketInfo('my-export-bucket'));
  await check(p + 'staleDate', () => oss({ authorizationV4: v4, amendTimeSkewed: -20 * 60 * 1000 }).getBucketInfo('my-export-bucket'));
  // The bucket is in cn-hangzhou: another region's endpoint is refused, and so is a V4 scope for another region.
  await check(p + 'wrongRegionEndpoint', () =>
    oss({ authorizationV4: v4, endpoint: `http://oss-cn-beijing.aliyuncs.com:${port}`, region: 'oss-cn-beijing' }).getBucketInfo('my-export-bucket'));
  if (v4) {
    await check(p + 'wrongRegionScope', () => oss({ authorizationV4: true, region: 'oss-cn-beijing' }).getBucketInfo('my-export-bucket'));
  }
  // Addressed through `localhost` instead of an OSS endpoint: the bucket still travels in the Host.
  await check(p + 'localhostVirtualHost', async () =>
    (await oss({ authorizationV4: v4, endpoint: `http://localhost:${port}` }).getBucketLocation('my-export-bucket')).location);
}

(async () => {
  await popCore();
  await ecsV3Calls();
  await aliOss('v1');
  await aliOss('v4');
  agent.destroy();
  process.stdout.write(JSON.stringify(results, null, 1) + '\n');
})().catch((e) => {
  process.stderr.write(`crosscheck failed outside a check: ${e && e.stack}\n`);
  process.exit(1);
});
