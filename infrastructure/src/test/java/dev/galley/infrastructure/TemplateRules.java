package dev.galley.infrastructure;

import static dev.galley.infrastructure.Template.at;
import static dev.galley.infrastructure.Template.map;
import static dev.galley.infrastructure.Template.oneOrMany;
import static dev.galley.infrastructure.Template.resources;
import static dev.galley.infrastructure.Template.text;
import static dev.galley.infrastructure.Template.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules the template must keep, as a checker: each rule returns what breaks it
 * (empty when kept). The tests run them on template.yaml, and on copies widened in
 * memory to show that a widening is caught.
 */
final class TemplateRules {

    static final String CONTENT_BUCKET = "ContentBucket";
    static final String SITE_BUCKET = "SiteBucket";
    static final String CONTENT_BUCKET_NAME = "galley-content-${Stage}-${AWS::AccountId}-${AWS::Region}";
    static final String CONTENT_BUCKET_ARN = "arn:${AWS::Partition}:s3:::" + CONTENT_BUCKET_NAME;
    static final String DISTRIBUTION_ARN = "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}";
    static final Map<String, Object> LIVE_ALIAS = Map.of("Ref", "GalleyFunction.Alias");
    /** The live alias written out, where a reference to it would make the function depend on itself. */
    static final String LIVE_ALIAS_ARN = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:galley-publish-${Stage}:live";
    static final String WAKE_UP_SCHEDULES_ARN = "arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule/${WakeUpScheduleGroup}/*";
    static final String SCHEDULER_ROLE_ARN = "${SchedulerRole.Arn}";
    private static final Set<String> WAKE_UP_ACTIONS = Set.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule", "scheduler:DeleteSchedule");

    private static final Pattern ALL_BUCKETS = Pattern.compile("^arn:.*?:s3:::\\*.*");
    private static final Pattern BROAD_MANAGED = Pattern.compile(".*(FullAccess|AdministratorAccess|PowerUserAccess).*");

    private TemplateRules() {
    }

    /** One policy statement and where it was found. */
    record Statement(String where, Map<String, Object> body) {
        boolean isAllow() {
            return "Allow".equals(body.get("Effect"));
        }

        List<String> actions() {
            return oneOrMany(body.get("Action")).stream().map(Template::text).toList();
        }

        List<String> resources() {
            return oneOrMany(body.get("Resource")).stream().map(Template::text).toList();
        }
    }

    static List<String> all(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        v.addAll(noAllowHasAWildcardAction(template));
        v.addAll(noAllowHasAWildcardResource(template));
        v.addAll(noBucketPolicyAllowsEveryone(template));
        v.addAll(noBroadManagedPolicy(template));
        v.addAll(onlyTheContentBucketNotifies(template));
        v.addAll(contentBucketNotifiesTheLiveAliasOfCreatesAndRemovesUnderThePrefix(template));
        v.addAll(everyInvokePermissionNamesItsSourceArnAndAccount(template));
        v.addAll(bucketsAreVersionedEncryptedPrivateAndOwnerEnforced(template));
        v.addAll(distributionReadsTheSiteBucketThroughOacOnly(template));
        v.addAll(siteBucketPolicyLetsOnlyThisDistributionReadAndHidesGalleyState(template));
        v.addAll(functionSeesMissingKeysAs404(template));
        v.addAll(functionInvalidatesOnlyThisDistribution(template));
        v.addAll(functionSetsWakeUpsOnlyInItsGroupAndPassesOnlyTheSchedulerRole(template));
        v.addAll(schedulerRoleOnlyInvokesTheLiveAlias(template));
        return v;
    }

    /** Every permission-policy statement of the template (trust policies excluded). */
    static List<Statement> statements(Map<String, Object> template) {
        List<Statement> out = new ArrayList<>();
        resources(template).forEach((id, r) -> {
            Map<String, Object> res = map(r);
            String type = type(res);
            Object props = res.get("Properties");
            if (props == null) {
                return;
            }
            switch (type) {
                case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group" -> {
                    List<Object> policies = oneOrMany(map(props).get("Policies"));
                    for (int i = 0; i < policies.size(); i++) {
                        addDocument(out, id + ".Policies[" + i + "]", at(policies.get(i), "PolicyDocument"));
                    }
                }
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::S3::BucketPolicy",
                        "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy" ->
                    addDocument(out, id, map(props).get("PolicyDocument"));
                case "AWS::Serverless::Function" -> {
                    List<Object> policies = oneOrMany(map(props).get("Policies"));
                    for (int i = 0; i < policies.size(); i++) {
                        if (policies.get(i) instanceof Map<?, ?> m && m.containsKey("Statement")) {
                            addDocument(out, id + ".Policies[" + i + "]", m);
                        }
                    }
                }
                default -> {
                }
            }
        });
        return out;
    }

    private static void addDocument(List<Statement> out, String where, Object document) {
        if (document == null) {
            return;
        }
        List<Object> statements = oneOrMany(map(document).get("Statement"));
        for (int i = 0; i < statements.size(); i++) {
            for (Object s : branches(statements.get(i))) {
                Map<String, Object> body = map(s);
                Object sid = body.get("Sid");
                out.add(new Statement(where + (sid != null ? "/" + sid : "/Statement[" + i + "]"), body));
            }
        }
    }

    /** Both branches of a statement-level Fn::If (either may be deployed). */
    private static List<Object> branches(Object statement) {
        if (statement instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("Fn::If")) {
            List<Object> args = Template.list(m.get("Fn::If"));
            List<Object> out = new ArrayList<>();
            for (Object branch : args.subList(1, 3)) {
                if (!(branch instanceof Map<?, ?> b && "AWS::NoValue".equals(b.get("Ref")))) {
                    out.addAll(branches(branch));
                }
            }
            return out;
        }
        return List.of(statement);
    }

    static List<String> noAllowHasAWildcardAction(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        for (Statement s : statements(template)) {
            if (!s.isAllow()) {
                continue; // a Deny on "s3:*" narrows, it does not widen
            }
            if (s.body().containsKey("NotAction")) {
                v.add(s.where() + ": Allow with NotAction grants everything else");
            }
            for (String action : s.actions()) {
                if (action.contains("*")) {
                    v.add(s.where() + ": Allow of wildcard action '" + action + "'");
                }
            }
        }
        return v;
    }

    static List<String> noAllowHasAWildcardResource(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        for (Statement s : statements(template)) {
            if (!s.isAllow()) {
                continue;
            }
            if (s.body().containsKey("NotResource")) {
                v.add(s.where() + ": Allow with NotResource reaches everything else");
            }
            for (String resource : s.resources()) {
                if (resource.equals("*")) {
                    v.add(s.where() + ": Allow on Resource '*'");
                } else if (ALL_BUCKETS.matcher(resource).matches()) {
                    v.add(s.where() + ": Allow on every bucket '" + resource + "'");
                }
            }
        }
        return v;
    }

    static List<String> noBucketPolicyAllowsEveryone(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        for (Statement s : statements(template)) {
            Object principal = s.body().get("Principal");
            boolean everyone = "*".equals(principal)
                    || (principal instanceof Map<?, ?> p && oneOrMany(p.get("AWS")).contains("*"));
            if (s.isAllow() && everyone) {
                v.add(s.where() + ": Allow to every principal");
            }
        }
        return v;
    }

    static List<String> noBroadManagedPolicy(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        resources(template).forEach((id, r) -> {
            Map<String, Object> res = map(r);
            Object props = res.get("Properties");
            if (props == null) {
                return;
            }
            for (Object arn : oneOrMany(map(props).get("ManagedPolicyArns"))) {
                if (BROAD_MANAGED.matcher(text(arn)).matches()) {
                    v.add(id + ": managed policy " + text(arn));
                }
            }
            if ("AWS::Serverless::Function".equals(type(res))) {
                for (Object p : oneOrMany(map(props).get("Policies"))) {
                    if (p instanceof String name && BROAD_MANAGED.matcher(name).matches()) {
                        v.add(id + ": managed policy " + name);
                    } else if (p instanceof Map<?, ?> m && !m.containsKey("Statement")) {
                        v.add(id + ": SAM policy template " + m.keySet() + " (write the statements out instead)");
                    }
                }
            }
        });
        return v;
    }

    static List<String> onlyTheContentBucketNotifies(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        for (String id : Template.idsOfType(template, "AWS::S3::Bucket")) {
            if (!id.equals(CONTENT_BUCKET) && Template.props(template, id).containsKey("NotificationConfiguration")) {
                v.add(id + ": has a NotificationConfiguration (the function writes there: a loop)");
            }
        }
        return v;
    }

    static List<String> contentBucketNotifiesTheLiveAliasOfCreatesAndRemovesUnderThePrefix(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        Map<String, Object> props = Template.props(template, CONTENT_BUCKET);
        if (!CONTENT_BUCKET_NAME.equals(text(props.get("BucketName")))) {
            v.add(CONTENT_BUCKET + ": BucketName is not " + CONTENT_BUCKET_NAME);
        }
        if (!oneOrMany(Template.resource(template, CONTENT_BUCKET).get("DependsOn")).contains("ContentBucketInvokePermission")) {
            v.add(CONTENT_BUCKET + ": does not DependsOn ContentBucketInvokePermission");
        }
        Object notification = props.get("NotificationConfiguration");
        if (notification == null) {
            v.add(CONTENT_BUCKET + ": no NotificationConfiguration");
            return v;
        }
        for (String other : List.of("QueueConfigurations", "TopicConfigurations", "EventBridgeConfiguration")) {
            if (map(notification).containsKey(other)) {
                v.add(CONTENT_BUCKET + ": unexpected " + other);
            }
        }
        Set<String> events = new TreeSet<>();
        for (Object c : oneOrMany(map(notification).get("LambdaConfigurations"))) {
            Map<String, Object> config = map(c);
            String event = text(config.get("Event"));
            events.add(event);
            if (!LIVE_ALIAS.equals(config.get("Function"))) {
                v.add(CONTENT_BUCKET + ": " + event + " targets " + config.get("Function") + ", not the live alias");
            }
            if (!hasPrefixFilter(config.get("Filter"))) {
                v.add(CONTENT_BUCKET + ": " + event + " is not filtered on the ContentPrefix");
            }
            if (hasSuffixFilter(config.get("Filter"))) {
                v.add(CONTENT_BUCKET + ": " + event + " is filtered on a suffix (images beside the articles must notify too)");
            }
        }
        if (!events.equals(Set.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*"))) {
            v.add(CONTENT_BUCKET + ": notifies " + events + ", expected exactly s3:ObjectCreated:* and s3:ObjectRemoved:*");
        }
        return v;
    }

    /** The filter, directly or as the true branch of Fn::If [HasContentPrefix, ...], has prefix = ContentPrefix. */
    private static boolean hasPrefixFilter(Object filter) {
        if (filter instanceof Map<?, ?> m && m.containsKey("Fn::If")) {
            List<Object> args = Template.list(m.get("Fn::If"));
            return "HasContentPrefix".equals(args.get(0)) && hasPrefixFilter(args.get(1));
        }
        for (Object rule : oneOrMany(at(filter, "S3Key", "Rules"))) {
            Map<String, Object> r = map(rule);
            if ("prefix".equalsIgnoreCase(text(r.get("Name"))) && Map.of("Ref", "ContentPrefix").equals(r.get("Value"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSuffixFilter(Object filter) {
        if (filter instanceof Map<?, ?> m && m.containsKey("Fn::If")) {
            List<Object> args = Template.list(m.get("Fn::If"));
            return hasSuffixFilter(args.get(1)) || hasSuffixFilter(args.get(2));
        }
        return oneOrMany(at(filter, "S3Key", "Rules")).stream()
                .anyMatch(rule -> "suffix".equalsIgnoreCase(text(map(rule).get("Name"))));
    }

    static List<String> everyInvokePermissionNamesItsSourceArnAndAccount(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        for (String id : Template.idsOfType(template, "AWS::Lambda::Permission")) {
            Map<String, Object> p = Template.props(template, id);
            if (p.get("SourceArn") == null) {
                v.add(id + ": no SourceArn");
            }
            if (!Map.of("Ref", "AWS::AccountId").equals(p.get("SourceAccount"))) {
                v.add(id + ": SourceAccount is not the stack's own account");
            }
            if ("s3.amazonaws.com".equals(p.get("Principal")) && !CONTENT_BUCKET_ARN.equals(text(p.get("SourceArn")))) {
                v.add(id + ": S3 may invoke from " + text(p.get("SourceArn")) + ", not only the content bucket");
            }
        }
        return v;
    }

    static List<String> bucketsAreVersionedEncryptedPrivateAndOwnerEnforced(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        for (String id : Template.idsOfType(template, "AWS::S3::Bucket")) {
            Map<String, Object> p = Template.props(template, id);
            if (!"Enabled".equals(at(p, "VersioningConfiguration", "Status"))) {
                v.add(id + ": not versioned");
            }
            Object algorithm = at(p, "BucketEncryption", "ServerSideEncryptionConfiguration", 0,
                    "ServerSideEncryptionByDefault", "SSEAlgorithm");
            if (!Set.of("AES256", "aws:kms", "aws:kms:dsse").contains(algorithm)) {
                v.add(id + ": no default encryption");
            }
            for (String flag : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                if (!Boolean.TRUE.equals(at(p, "PublicAccessBlockConfiguration", flag))) {
                    v.add(id + ": PublicAccessBlockConfiguration." + flag + " is not true");
                }
            }
            if (!"BucketOwnerEnforced".equals(at(p, "OwnershipControls", "Rules", 0, "ObjectOwnership"))) {
                v.add(id + ": ObjectOwnership is not BucketOwnerEnforced");
            }
            if (p.containsKey("WebsiteConfiguration") || p.containsKey("AccessControl")) {
                v.add(id + ": website hosting or a canned ACL (the buckets stay private)");
            }
        }
        return v;
    }

    static List<String> distributionReadsTheSiteBucketThroughOacOnly(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        for (String id : Template.idsOfType(template, "AWS::CloudFront::CloudFrontOriginAccessIdentity")) {
            v.add(id + ": an origin access identity (legacy OAI); use origin access control");
        }
        for (String id : Template.idsOfType(template, "AWS::CloudFront::Distribution")) {
            for (Object o : oneOrMany(at(Template.props(template, id), "DistributionConfig", "Origins"))) {
                Map<String, Object> origin = map(o);
                String name = id + " origin " + origin.get("Id");
                if (origin.containsKey("CustomOriginConfig")) {
                    v.add(name + ": a custom origin (a website endpoint is public)");
                }
                Object oai = at(origin, "S3OriginConfig", "OriginAccessIdentity");
                if (oai != null && !"".equals(oai)) {
                    v.add(name + ": uses an origin access identity");
                }
                if (origin.get("OriginAccessControlId") == null) {
                    v.add(name + ": no OriginAccessControlId");
                }
                if (!"${SiteBucket.RegionalDomainName}".equals(text(origin.get("DomainName")))) {
                    v.add(name + ": is not the site bucket's regional REST endpoint");
                }
            }
        }
        for (String id : Template.idsOfType(template, "AWS::CloudFront::OriginAccessControl")) {
            Map<String, Object> c = map(Template.props(template, id).get("OriginAccessControlConfig"));
            if (!"s3".equals(c.get("OriginAccessControlOriginType")) || !"always".equals(c.get("SigningBehavior"))
                    || !"sigv4".equals(c.get("SigningProtocol"))) {
                v.add(id + ": must sign always, sigv4, for an s3 origin");
            }
        }
        return v;
    }

    static List<String> siteBucketPolicyLetsOnlyThisDistributionReadAndHidesGalleyState(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        List<String> policies = Template.idsOfType(template, "AWS::S3::BucketPolicy").stream()
                .filter(id -> Map.of("Ref", SITE_BUCKET).equals(Template.props(template, id).get("Bucket")))
                .toList();
        if (policies.size() != 1) {
            v.add("expected one bucket policy on " + SITE_BUCKET + ", found " + policies);
            return v;
        }
        String policyId = policies.get(0);
        Set<String> granted = new TreeSet<>();
        boolean galleyDenied = false;
        for (Statement s : statements(template)) {
            if (!s.where().startsWith(policyId + "/")) {
                continue;
            }
            boolean cloudFront = "cloudfront.amazonaws.com".equals(at(s.body(), "Principal", "Service"));
            if (s.isAllow()) {
                if (!cloudFront) {
                    v.add(s.where() + ": allows a principal other than CloudFront");
                    continue;
                }
                Object sourceArn = at(s.body(), "Condition", "StringEquals", "AWS:SourceArn");
                if (!DISTRIBUTION_ARN.equals(text(sourceArn))) {
                    v.add(s.where() + ": CloudFront allowed without AWS:SourceArn = this distribution");
                }
                granted.addAll(s.actions());
            } else if (cloudFront && s.actions().contains("s3:GetObject")
                    && s.resources().contains("${SiteBucket.Arn}/_galley/*")
                    && s.body().get("Condition") == null) {
                galleyDenied = true;
            }
        }
        if (!granted.equals(Set.of("s3:GetObject", "s3:ListBucket"))) {
            v.add(policyId + ": CloudFront is granted " + granted + ", expected exactly s3:GetObject and s3:ListBucket");
        }
        if (!galleyDenied) {
            v.add(policyId + ": no unconditional Deny of s3:GetObject on _galley/* for CloudFront");
        }
        return v;
    }

    /** The function role's statements: the policies of GalleyFunctionRole. */
    private static List<Statement> functionStatements(Map<String, Object> template) {
        return statements(template).stream().filter(s -> s.where().startsWith("GalleyFunctionRole.")).toList();
    }

    /**
     * S3 answers a GET or HEAD of a missing key with 404 only to a caller that may list the bucket (403
     * otherwise), and the function treats only a 404 as "absent": for every bucket whose objects the function
     * reads, it must hold s3:ListBucket on that bucket without any condition.
     */
    static List<String> functionSeesMissingKeysAs404(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        List<Statement> role = functionStatements(template);
        Set<String> readBuckets = new TreeSet<>();
        for (Statement s : role) {
            if (s.isAllow() && s.actions().contains("s3:GetObject")) {
                for (String resource : s.resources()) {
                    int slash = resource.indexOf('/');
                    readBuckets.add(slash < 0 ? resource : resource.substring(0, slash));
                }
            }
        }
        if (readBuckets.isEmpty()) {
            v.add("GalleyFunctionRole: reads no bucket");
        }
        for (String bucket : readBuckets) {
            boolean listed = false;
            boolean conditional = false;
            for (Statement s : role) {
                if (s.isAllow() && s.actions().contains("s3:ListBucket") && s.resources().contains(bucket)) {
                    if (s.body().get("Condition") == null) {
                        listed = true;
                    } else {
                        conditional = true;
                    }
                }
            }
            if (!listed) {
                v.add("GalleyFunctionRole: reads " + bucket + " but may " + (conditional ? "list it only under a condition" : "not list it")
                        + ": S3 would answer 403, not 404, for a missing key");
            }
        }
        return v;
    }

    /** The function may create invalidations on this stack's distribution, nothing else in CloudFront. */
    static List<String> functionInvalidatesOnlyThisDistribution(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        boolean granted = false;
        for (Statement s : functionStatements(template)) {
            for (String action : s.actions()) {
                if (!action.startsWith("cloudfront:")) {
                    continue;
                }
                if (!action.equals("cloudfront:CreateInvalidation")) {
                    v.add(s.where() + ": the function may " + action + " (it only invalidates)");
                }
                if (!s.resources().equals(List.of(DISTRIBUTION_ARN))) {
                    v.add(s.where() + ": " + action + " on " + s.resources() + ", not only this distribution");
                }
                granted = true;
            }
        }
        if (!granted) {
            v.add("GalleyFunctionRole: no cloudfront:CreateInvalidation on this distribution (a rebuild invalidates /*)");
        }
        return v;
    }

    /**
     * The function sets, moves and drops one-time schedules in its own group, nothing else in EventBridge Scheduler,
     * and may pass only the scheduler's role, and only to the scheduler: a wider iam:PassRole would let it hand any
     * role of the account to any service.
     */
    static List<String> functionSetsWakeUpsOnlyInItsGroupAndPassesOnlyTheSchedulerRole(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        Set<String> granted = new TreeSet<>();
        boolean passes = false;
        for (Statement s : functionStatements(template)) {
            for (String action : s.actions()) {
                if (action.startsWith("scheduler:")) {
                    if (!WAKE_UP_ACTIONS.contains(action)) {
                        v.add(s.where() + ": the function may " + action + " (it only creates, updates and deletes its wake-ups)");
                    }
                    if (!s.resources().equals(List.of(WAKE_UP_SCHEDULES_ARN))) {
                        v.add(s.where() + ": " + action + " on " + s.resources() + ", not only the schedules of its group");
                    }
                    granted.add(action);
                } else if (action.startsWith("iam:")) {
                    if (!action.equals("iam:PassRole")) {
                        v.add(s.where() + ": the function may " + action);
                    }
                    if (!s.resources().equals(List.of(SCHEDULER_ROLE_ARN))) {
                        v.add(s.where() + ": " + action + " on " + s.resources() + ", not only the scheduler's role");
                    }
                    if (!"scheduler.amazonaws.com".equals(at(s.body(), "Condition", "StringEquals", "iam:PassedToService"))) {
                        v.add(s.where() + ": " + action + " without iam:PassedToService scheduler.amazonaws.com");
                    }
                    passes = true;
                }
            }
        }
        if (!granted.equals(WAKE_UP_ACTIONS)) {
            v.add("GalleyFunctionRole: may not " + WAKE_UP_ACTIONS.stream().filter(a -> !granted.contains(a)).sorted().toList()
                    + " its wake-ups (held articles would never go live)");
        }
        if (!passes) {
            v.add("GalleyFunctionRole: no iam:PassRole of the scheduler's role (no schedule could be created)");
        }
        return v;
    }

    /** The scheduler's role may invoke the live alias and nothing else; only the scheduler, for this account, assumes it. */
    static List<String> schedulerRoleOnlyInvokesTheLiveAlias(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        List<Statement> role = statements(template).stream().filter(s -> s.where().startsWith("SchedulerRole.")).toList();
        if (role.isEmpty()) {
            v.add("SchedulerRole: no statement lets the schedules invoke the function");
        }
        for (Statement s : role) {
            if (!s.actions().equals(List.of("lambda:InvokeFunction")) || !s.resources().equals(List.of(LIVE_ALIAS_ARN))) {
                v.add(s.where() + ": " + s.actions() + " on " + s.resources() + ", not only lambda:InvokeFunction on the live alias");
            }
        }
        Object resource = resources(template).get("SchedulerRole");
        if (resource == null) {
            v.add("SchedulerRole: missing (the function's schedules name it)");
            return v;
        }
        Object props = map(resource).get("Properties");
        for (Object trust : oneOrMany(at(props, "AssumeRolePolicyDocument", "Statement"))) {
            if (!"scheduler.amazonaws.com".equals(at(trust, "Principal", "Service"))
                    || !Map.of("Ref", "AWS::AccountId").equals(at(trust, "Condition", "StringEquals", "aws:SourceAccount"))) {
                v.add("SchedulerRole: may be assumed by another than the scheduler of this account: " + trust);
            }
        }
        return v;
    }
}
