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
    static final String WAKE_UP_SCHEDULES_ARN = "arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule/${WakeUpScheduleGroup}/*";
    static final String SCHEDULER_ROLE_ARN = "${SchedulerRole.Arn}";
    static final String DRAFT_KEY_SECRET = "${DraftKeySecret}";
    private static final Set<String> WAKE_UP_ACTIONS = Set.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule", "scheduler:DeleteSchedule");
    static final String RULE = "ContentChangesRule";
    static final String QUEUE = "ContentChangesQueue";
    static final String DEAD_LETTER_QUEUE = "DeadLetterQueue";
    static final String MAPPING = "ContentChangesMapping";

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
        v.addAll(contentBucketNotifiesEventBridgeOnly(template));
        v.addAll(theRuleSendsCreatesAndDeletesUnderThePrefixToTheQueueInOneGroup(template));
        v.addAll(onlyTheRuleSendsToTheQueue(template));
        v.addAll(theFunctionConsumesTheQueueWithADeadLetterQueue(template));
        v.addAll(functionUsesOnlyItsOwnQueue(template));
        v.addAll(everyInvokePermissionNamesItsSourceArnAndAccount(template));
        v.addAll(bucketsAreVersionedEncryptedPrivateAndOwnerEnforced(template));
        v.addAll(distributionReadsTheSiteBucketThroughOacOnly(template));
        v.addAll(siteBucketPolicyLetsOnlyThisDistributionReadAndHidesGalleyState(template));
        v.addAll(functionSeesMissingKeysAs404(template));
        v.addAll(functionInvalidatesOnlyThisDistribution(template));
        v.addAll(functionSetsWakeUpsOnlyInItsGroupAndPassesOnlyTheSchedulerRole(template));
        v.addAll(schedulerRoleOnlySendsToThePublishQueue(template));
        v.addAll(functionReadsOnlyTheDraftKey(template));
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

    /** The content bucket sends its events to EventBridge, and nowhere else: the queue is the only way in. */
    static List<String> contentBucketNotifiesEventBridgeOnly(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        Map<String, Object> props = Template.props(template, CONTENT_BUCKET);
        if (!CONTENT_BUCKET_NAME.equals(text(props.get("BucketName")))) {
            v.add(CONTENT_BUCKET + ": BucketName is not " + CONTENT_BUCKET_NAME);
        }
        List<Object> dependsOn = oneOrMany(Template.resource(template, CONTENT_BUCKET).get("DependsOn"));
        if (!dependsOn.containsAll(List.of(RULE, MAPPING))) {
            v.add(CONTENT_BUCKET + ": does not DependsOn " + RULE + " and " + MAPPING
                    + " (changes made before they exist would be lost)");
        }
        Object notification = props.get("NotificationConfiguration");
        if (!Boolean.TRUE.equals(at(notification, "EventBridgeConfiguration", "EventBridgeEnabled"))) {
            v.add(CONTENT_BUCKET + ": EventBridge notifications are not enabled");
        }
        for (String other : List.of("LambdaConfigurations", "QueueConfigurations", "TopicConfigurations")) {
            if (notification instanceof Map<?, ?> m && m.containsKey(other)) {
                v.add(CONTENT_BUCKET + ": " + other + " bypass the queue (two writers)");
            }
        }
        for (String id : Template.idsOfType(template, "AWS::Lambda::Permission")) {
            if ("s3.amazonaws.com".equals(Template.props(template, id).get("Principal"))) {
                v.add(id + ": S3 may still invoke the function directly");
            }
        }
        return v;
    }

    /**
     * The one rule takes exactly the content bucket's creates and deletes under the prefix (no suffix filter: the
     * images beside the articles count) to the FIFO queue, in one constant message group.
     */
    static List<String> theRuleSendsCreatesAndDeletesUnderThePrefixToTheQueueInOneGroup(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        List<String> rules = Template.idsOfType(template, "AWS::Events::Rule");
        if (!rules.equals(List.of(RULE))) {
            return List.of("expected exactly one EventBridge rule, " + RULE + ", found " + rules);
        }
        Map<String, Object> rule = Template.props(template, RULE);
        Map<String, Object> pattern = map(rule.get("EventPattern"));
        if (!List.of("aws.s3").equals(pattern.get("source"))) {
            v.add(RULE + ": source is " + pattern.get("source") + ", not only aws.s3");
        }
        if (!Set.of("Object Created", "Object Deleted").equals(Set.copyOf(oneOrMany(pattern.get("detail-type"))))) {
            v.add(RULE + ": detail-type is " + pattern.get("detail-type") + ", expected exactly Object Created and Object Deleted");
        }
        Object detail = pattern.get("detail");
        List<Object> branches = detail instanceof Map<?, ?> m && m.containsKey("Fn::If")
                ? Template.list(m.get("Fn::If")) : List.of("", detail);
        if (branches.size() == 3 && !"HasContentPrefix".equals(branches.get(0))) {
            v.add(RULE + ": the detail depends on " + branches.get(0) + ", not HasContentPrefix");
        }
        for (Object branch : branches.subList(1, branches.size())) {
            List<Object> names = oneOrMany(at(branch, "bucket", "name"));
            if (names.size() != 1 || !CONTENT_BUCKET_NAME.equals(text(names.get(0)))) {
                v.add(RULE + ": matches buckets " + names + ", not only the content bucket");
            }
            for (Object filter : oneOrMany(at(branch, "object", "key"))) {
                if (!(filter instanceof Map<?, ?> f) || !f.keySet().equals(Set.of("prefix"))) {
                    v.add(RULE + ": key filter " + filter + " is more than the ContentPrefix (images beside the articles must count)");
                }
            }
        }
        if (!Map.of("prefix", Map.of("Ref", "ContentPrefix")).equals(at(branches.get(1), "object", "key", 0))) {
            v.add(RULE + ": is not filtered on the ContentPrefix");
        }
        List<Object> targets = oneOrMany(rule.get("Targets"));
        if (targets.size() != 1 || !("${" + QUEUE + ".Arn}").equals(text(at(targets.get(0), "Arn")))) {
            v.add(RULE + ": targets " + targets + ", expected only " + QUEUE);
        } else if (!(at(targets.get(0), "SqsParameters", "MessageGroupId") instanceof String)) {
            v.add(RULE + ": the MessageGroupId is not one constant (one group is what keeps one writer)");
        }
        Map<String, Object> queue = Template.props(template, QUEUE);
        if (!Boolean.TRUE.equals(queue.get("FifoQueue")) || !Boolean.TRUE.equals(queue.get("ContentBasedDeduplication"))) {
            v.add(QUEUE + ": not a FIFO queue with content-based deduplication (EventBridge sets no deduplication id)");
        }
        return v;
    }

    /** Only the rule may send to the queue: every Allow is EventBridge's SendMessage, on the rule's ARN. */
    static List<String> onlyTheRuleSendsToTheQueue(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        List<String> policies = Template.idsOfType(template, "AWS::SQS::QueuePolicy").stream()
                .filter(id -> oneOrMany(Template.props(template, id).get("Queues")).contains(Map.of("Ref", QUEUE)))
                .toList();
        if (policies.size() != 1) {
            return List.of("expected one queue policy on " + QUEUE + ", found " + policies);
        }
        boolean allowed = false;
        for (Statement s : statements(template)) {
            if (!s.where().startsWith(policies.get(0) + "/") || !s.isAllow()) {
                continue;
            }
            allowed = true;
            if (!"events.amazonaws.com".equals(at(s.body(), "Principal", "Service"))) {
                v.add(s.where() + ": allows a principal other than EventBridge");
            }
            if (!s.actions().equals(List.of("sqs:SendMessage"))) {
                v.add(s.where() + ": allows " + s.actions() + ", expected only sqs:SendMessage");
            }
            if (!("${" + RULE + ".Arn}").equals(text(at(s.body(), "Condition", "ArnEquals", "aws:SourceArn")))) {
                v.add(s.where() + ": not limited to the rule's ARN (aws:SourceArn)");
            }
        }
        if (!allowed) {
            v.add(policies.get(0) + ": allows nobody to send (EventBridge could not deliver)");
        }
        return v;
    }

    /**
     * The function takes the queue in batches, reporting failed items; the queue moves a message that keeps failing
     * to a FIFO dead-letter queue that only it may redrive to; a batch is never handed to a second invocation while
     * the first still runs (visibility timeout above the function's timeout).
     */
    static List<String> theFunctionConsumesTheQueueWithADeadLetterQueue(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        List<String> mappings = Template.idsOfType(template, "AWS::Lambda::EventSourceMapping");
        if (!mappings.equals(List.of(MAPPING))) {
            return List.of("expected exactly one event source mapping, " + MAPPING + ", found " + mappings);
        }
        Map<String, Object> mapping = Template.props(template, MAPPING);
        if (!LIVE_ALIAS.equals(mapping.get("FunctionName"))) {
            v.add(MAPPING + ": invokes " + mapping.get("FunctionName") + ", not the live alias");
        }
        if (!("${" + QUEUE + ".Arn}").equals(text(mapping.get("EventSourceArn")))) {
            v.add(MAPPING + ": reads " + text(mapping.get("EventSourceArn")) + ", not " + QUEUE);
        }
        if (!oneOrMany(mapping.get("FunctionResponseTypes")).contains("ReportBatchItemFailures")) {
            v.add(MAPPING + ": no ReportBatchItemFailures (one failed record would repeat the whole batch)");
        }
        if (!(mapping.get("BatchSize") instanceof Integer size) || size < 1 || size > 10) {
            v.add(MAPPING + ": BatchSize " + mapping.get("BatchSize") + " is not 1 to 10 (Lambda's limit for a FIFO queue)");
        }
        Map<String, Object> queue = Template.props(template, QUEUE);
        if (!("${" + DEAD_LETTER_QUEUE + ".Arn}").equals(text(at(queue, "RedrivePolicy", "deadLetterTargetArn")))) {
            v.add(QUEUE + ": no RedrivePolicy to " + DEAD_LETTER_QUEUE);
        }
        if (!(at(queue, "RedrivePolicy", "maxReceiveCount") instanceof Integer count) || count < 2 || count > 10) {
            v.add(QUEUE + ": maxReceiveCount " + at(queue, "RedrivePolicy", "maxReceiveCount") + " is not 2 to 10");
        }
        Object timeout = Template.props(template, "GalleyFunction").get("Timeout");
        if (!(queue.get("VisibilityTimeout") instanceof Integer visibility) || !(timeout instanceof Integer t) || visibility <= t) {
            v.add(QUEUE + ": VisibilityTimeout " + queue.get("VisibilityTimeout") + " is not above the function's Timeout " + timeout);
        }
        Map<String, Object> dlq = Template.props(template, DEAD_LETTER_QUEUE);
        if (!Boolean.TRUE.equals(dlq.get("FifoQueue"))) {
            v.add(DEAD_LETTER_QUEUE + ": not FIFO (a FIFO queue's dead-letter queue must be)");
        }
        String queueArn = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:" + text(queue.get("QueueName"));
        if (!"byQueue".equals(at(dlq, "RedriveAllowPolicy", "redrivePermission"))
                || !List.of(queueArn).equals(oneOrMany(at(dlq, "RedriveAllowPolicy", "sourceQueueArns")).stream().map(Template::text).toList())) {
            v.add(DEAD_LETTER_QUEUE + ": RedriveAllowPolicy does not allow " + queueArn + " only");
        }
        for (String id : List.of(QUEUE, DEAD_LETTER_QUEUE)) {
            if (!Boolean.TRUE.equals(Template.props(template, id).get("SqsManagedSseEnabled"))) {
                v.add(id + ": not encrypted (SqsManagedSseEnabled)");
            }
        }
        return v;
    }

    /**
     * On SQS, the function's role may only consume its own queue (receive, delete, read its attributes) and send to it
     * (a batch's refresh); it touches no other queue, and its wake-ups reach the queue with the scheduler's role.
     */
    static List<String> functionUsesOnlyItsOwnQueue(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        Set<String> allowed = Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:SendMessage");
        Set<String> granted = new TreeSet<>();
        for (Statement s : functionStatements(template)) {
            for (String action : s.actions()) {
                if (!action.startsWith("sqs:")) {
                    continue;
                }
                granted.add(action);
                if (!allowed.contains(action)) {
                    v.add(s.where() + ": the function may " + action + " (it only consumes its queue and asks it for refreshes)");
                }
                if (!s.resources().equals(List.of("${" + QUEUE + ".Arn}"))) {
                    v.add(s.where() + ": " + action + " on " + s.resources() + ", not only " + QUEUE);
                }
            }
        }
        if (!granted.containsAll(allowed)) {
            v.add("GalleyFunctionRole: the event source mapping and the refreshes need " + allowed + ", granted " + granted);
        }
        return v;
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

    /**
     * The function may read the draft key's secret, and nothing else of Secrets Manager: no other secret, no listing,
     * no writing (a function that could change the key could move every shared draft).
     */
    static List<String> functionReadsOnlyTheDraftKey(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        boolean reads = false;
        for (Statement s : functionStatements(template)) {
            for (String action : s.actions()) {
                if (!action.startsWith("secretsmanager:")) {
                    continue;
                }
                if (!action.equals("secretsmanager:GetSecretValue")) {
                    v.add(s.where() + ": the function may " + action + " (it only reads the draft key)");
                } else if (!s.resources().equals(List.of(DRAFT_KEY_SECRET))) {
                    v.add(s.where() + ": " + action + " on " + s.resources() + ", not only the draft key");
                } else {
                    reads = true;
                }
            }
        }
        if (!reads) {
            v.add("GalleyFunctionRole: no secretsmanager:GetSecretValue of the draft key (no draft could be shared)");
        }
        return v;
    }

    /** The scheduler's role may send to the publish queue and nothing else; only the scheduler, for this account, assumes it. */
    static List<String> schedulerRoleOnlySendsToThePublishQueue(Map<String, Object> template) {
        List<String> v = new ArrayList<>();
        List<Statement> role = statements(template).stream().filter(s -> s.where().startsWith("SchedulerRole.")).toList();
        if (role.isEmpty()) {
            v.add("SchedulerRole: no statement lets the schedules send wake-ups to the publish queue");
        }
        for (Statement s : role) {
            if (!s.actions().equals(List.of("sqs:SendMessage")) || !s.resources().equals(List.of("${" + QUEUE + ".Arn}"))) {
                v.add(s.where() + ": " + s.actions() + " on " + s.resources() + ", not only sqs:SendMessage on " + QUEUE);
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
