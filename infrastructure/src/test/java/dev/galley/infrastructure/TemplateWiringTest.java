package dev.galley.infrastructure;

import static dev.galley.infrastructure.Template.at;
import static dev.galley.infrastructure.Template.list;
import static dev.galley.infrastructure.Template.map;
import static dev.galley.infrastructure.Template.oneOrMany;
import static dev.galley.infrastructure.Template.props;
import static dev.galley.infrastructure.Template.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What is wired to what in template.yaml, and exactly what the function may do. */
class TemplateWiringTest {

    private static Map<String, Object> template;

    @BeforeAll
    static void load() {
        template = Template.loadMain();
    }

    private static Map<String, Object> function() {
        return props(template, "GalleyFunction");
    }

    private static Map<String, Object> distributionConfig() {
        return map(props(template, "Distribution").get("DistributionConfig"));
    }

    // ------------------------------------------------------------- the template itself

    @Test
    void templateIsSamWithStageAndPrefixAndPriceClassParameters() {
        assertEquals("AWS::Serverless-2016-10-31", template.get("Transform"));
        Map<String, Object> parameters = map(template.get("Parameters"));
        assertEquals(List.of("dev", "prod"), at(parameters, "Stage", "AllowedValues"));
        assertEquals(List.of("PriceClass_100", "PriceClass_200", "PriceClass_All"), at(parameters, "PriceClass", "AllowedValues"));
        assertTrue(parameters.containsKey("ContentPrefix"));
        assertEquals("", at(parameters, "AlarmEmail", "Default"), "alarm e-mail is optional");
    }

    @Test
    void everyParameterIsUsed() throws IOException {
        String text = Files.readString(Template.templateFile());
        for (String parameter : map(template.get("Parameters")).keySet()) {
            Pattern use = Pattern.compile("!Ref " + parameter + "\\b|\\$\\{" + parameter + "}");
            assertTrue(use.matcher(text).find(), parameter + " is never used");
        }
    }

    @Test
    void contentBucketNameIsTheSameStringEverywhereItIsNeeded() throws IOException {
        String text = Files.readString(Template.templateFile());
        Matcher m = Pattern.compile("galley-content-[^\\s/\"]*").matcher(text);
        Set<String> spellings = new TreeSet<>();
        int count = 0;
        while (m.find()) {
            spellings.add(m.group());
            count++;
        }
        assertEquals(Set.of(TemplateRules.CONTENT_BUCKET_NAME), spellings);
        // BucketName, TLS-only policy (2), the rule (both branches), environment, role (2).
        assertTrue(count >= 8, "content bucket name written " + count + " times");
        assertEquals(TemplateRules.CONTENT_BUCKET_NAME, text(at(function(), "Environment", "Variables", "GALLEY_CONTENT_BUCKET")));
    }

    // ------------------------------------------------------------- the function

    @Test
    void functionIsJava21OnTheGivenHandlerWithSnapStartOnTheLiveAlias() {
        Map<String, Object> f = function();
        assertEquals("java21", f.get("Runtime"));
        assertEquals("dev.galley.lambda.PublishHandler::handleRequest", f.get("Handler"));
        assertEquals(1024, f.get("MemorySize"));
        assertEquals(300, f.get("Timeout"));
        assertEquals(List.of("arm64"), f.get("Architectures"));
        assertEquals("PublishedVersions", at(f, "SnapStart", "ApplyOn"));
        assertEquals("live", f.get("AutoPublishAlias"));
        assertEquals(true, f.get("AutoPublishAliasAllProperties"), "a config-only change must reach the alias too");
        assertEquals(Map.of("Fn::GetAtt", List.of("GalleyFunctionRole", "Arn")), f.get("Role"));
        assertNull(f.get("Policies"), "the role is written out; SAM must not add policies");
        assertNull(f.get("Events"), "the queue's event source mapping is written out, not as a SAM event");
    }

    @Test
    void nothingInvokesTheFunctionButTheQueueSoOneBatchAtATimeWritesTheSite() {
        assertNull(props(template, "GalleyFunction").get("EventInvokeConfig"), "no asynchronous invocation is expected");
        assertNull(Template.resources(template).get("FailedInvocationsQueue"));
    }

    @Test
    void functionHasNoReservedConcurrency() {
        assertNull(function().get("ReservedConcurrentExecutions"),
                "the single message group already runs one batch at a time");
    }

    @Test
    void functionIsBuiltByTheMakefileTargetNamedAfterIt() throws IOException {
        assertEquals("makefile", at(Template.resource(template, "GalleyFunction"), "Metadata", "BuildMethod"));
        assertEquals(".", function().get("CodeUri"));
        String makefile = Files.readString(Template.infrastructureDir().resolve("Makefile"));
        assertTrue(makefile.contains("\nbuild-GalleyFunction:"), "Makefile has no build-GalleyFunction target");
    }

    @Test
    void theFifoQueueFeedsTheLiveAliasTenAtATimeAndGivesUpAfterFiveReceives() {
        Map<String, Object> mapping = props(template, "ContentChangesMapping");
        assertEquals(10, mapping.get("BatchSize"), "the most Lambda takes from a FIFO queue");
        assertEquals(List.of("ReportBatchItemFailures"), mapping.get("FunctionResponseTypes"));
        assertNull(mapping.get("MaximumBatchingWindowInSeconds"), "FIFO event sources take no batching window");
        Map<String, Object> queue = props(template, "ContentChangesQueue");
        assertEquals(5, at(queue, "RedrivePolicy", "maxReceiveCount"));
        assertEquals(600, queue.get("VisibilityTimeout"));
        assertEquals("galley-${Stage}-publish.fifo", text(queue.get("QueueName")), "a FIFO queue's name ends in .fifo");
        assertEquals("galley-${Stage}-publish-dlq.fifo", text(props(template, "DeadLetterQueue").get("QueueName")));
        assertEquals("galley-content", at(props(template, "ContentChangesRule"), "Targets", 0, "SqsParameters", "MessageGroupId"));
        assertEquals("${UndeliveredEventsQueue.Arn}",
                text(at(props(template, "ContentChangesRule"), "Targets", 0, "DeadLetterConfig", "Arn")),
                "an event EventBridge cannot put on the queue is kept, not dropped");
    }

    @Test
    void functionEnvironmentNamesBucketsPrefixAndDistributionButNoEmulatorEndpoint() {
        Map<String, Object> env = map(at(function(), "Environment", "Variables"));
        assertEquals(Set.of("GALLEY_CONTENT_BUCKET", "GALLEY_CONTENT_PREFIX", "GALLEY_SITE_BUCKET", "GALLEY_SITE_GZIP",
                "GALLEY_DISTRIBUTION_ID", "GALLEY_SCHEDULE_GROUP", "GALLEY_SCHEDULER_ROLE_ARN", "GALLEY_WAKE_TARGET_ARN",
                "GALLEY_DRAFT_KEY_SECRET", "GALLEY_REBUILD_STATE_MACHINE", "GALLEY_PUBLISH_QUEUE_URL", "JAVA_TOOL_OPTIONS"), env.keySet());
        assertEquals(Map.of("Ref", "ContentChangesQueue"), env.get("GALLEY_PUBLISH_QUEUE_URL"), "the URL of the function's own queue");
        assertEquals(Map.of("Ref", "ContentPrefix"), env.get("GALLEY_CONTENT_PREFIX"));
        assertEquals(Map.of("Ref", "RebuildStateMachine"), env.get("GALLEY_REBUILD_STATE_MACHINE"));
        assertEquals(Map.of("Ref", "SiteBucket"), env.get("GALLEY_SITE_BUCKET"));
        assertEquals(Map.of("Ref", "Distribution"), env.get("GALLEY_DISTRIBUTION_ID"));
        assertFalse(env.containsKey("GALLEY_S3_ENDPOINT"), "emulators only");
        assertFalse(env.containsKey("AWS_REGION"), "reserved: Lambda sets it");
    }

    @Test
    void functionKeepsAnIdleConnectionForEachOfTheSixteenS3RequestsARebuildHasInFlight() {
        // SiteStore.DEFAULT_CONCURRENT_CALLS in galley-core; the JDK's default is 5 idle connections per host.
        String options = text(at(function(), "Environment", "Variables", "JAVA_TOOL_OPTIONS"));
        assertTrue(List.of(options.split(" ")).contains("-Dhttp.maxConnections=16"), options);
    }

    // ------------------------------------------------------------- least privilege

    /** Action -> resources, over every statement of the function's role. */
    private static Map<String, Set<String>> functionGrants() {
        return grantsOf("GalleyFunctionRole");
    }

    private static Map<String, Set<String>> grantsOf(String role) {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (TemplateRules.Statement s : TemplateRules.statements(template)) {
            if (!s.where().startsWith(role + ".")) {
                continue;
            }
            assertTrue(s.isAllow(), s.where());
            for (String action : s.actions()) {
                grants.computeIfAbsent(action, a -> new TreeSet<>()).addAll(s.resources());
            }
        }
        return grants;
    }

    @Test
    void functionRoleGrantsExactlyTheseActionsOnExactlyTheseResources() {
        String content = TemplateRules.CONTENT_BUCKET_ARN;
        Map<String, Set<String>> expected = new TreeMap<>(Map.of(
                "s3:GetObject", Set.of(content + "/${ContentPrefix}*", "${SiteBucket.Arn}/*"),
                "s3:GetObjectVersion", Set.of(content + "/${ContentPrefix}*"),
                "s3:GetObjectTagging", Set.of(content + "/${ContentPrefix}*"),
                "s3:PutObjectTagging", Set.of(content + "/${ContentPrefix}*"),
                "s3:ListBucket", Set.of(content, "${SiteBucket.Arn}"),
                "s3:PutObject", Set.of("${SiteBucket.Arn}/*"),
                "s3:DeleteObject", Set.of("${SiteBucket.Arn}/*"),
                "cloudfront:CreateInvalidation", Set.of(TemplateRules.DISTRIBUTION_ARN),
                "sqs:ReceiveMessage", Set.of("${ContentChangesQueue.Arn}"),
                "sqs:DeleteMessage", Set.of("${ContentChangesQueue.Arn}")));
        expected.put("sqs:GetQueueAttributes", Set.of("${ContentChangesQueue.Arn}"));
        expected.put("sqs:SendMessage", Set.of("${ContentChangesQueue.Arn}"));
        expected.put("s3:ListBucketVersions", Set.of(content));
        expected.put("logs:CreateLogStream", Set.of("${FunctionLogGroup.Arn}"));
        expected.put("logs:PutLogEvents", Set.of("${FunctionLogGroup.Arn}"));
        expected.put("scheduler:CreateSchedule", Set.of(TemplateRules.WAKE_UP_SCHEDULES_ARN));
        expected.put("scheduler:UpdateSchedule", Set.of(TemplateRules.WAKE_UP_SCHEDULES_ARN));
        expected.put("scheduler:DeleteSchedule", Set.of(TemplateRules.WAKE_UP_SCHEDULES_ARN));
        expected.put("iam:PassRole", Set.of(TemplateRules.SCHEDULER_ROLE_ARN));
        expected.put("secretsmanager:GetSecretValue", Set.of(TemplateRules.DRAFT_KEY_SECRET));
        expected.put("states:StartExecution", Set.of("${RebuildStateMachine}"));
        assertEquals(expected, functionGrants(),
                "the function's permissions changed: update this list only if the function really needs it");
    }

    // ------------------------------------------------------------- the full re-render

    private static Map<String, Object> rebuildStates() {
        return map(at(props(template, "RebuildStateMachine"), "Definition", "States"));
    }

    @Test
    void theReRenderPlansReadsListsRendersAndQueuesItsCommitInThatOrder() {
        Map<String, Object> definition = map(at(props(template, "RebuildStateMachine"), "Definition"));
        List<String> order = new ArrayList<>();
        for (String state = text(definition.get("StartAt")); state != null; ) {
            order.add(state);
            Map<String, Object> body = map(rebuildStates().get(state));
            state = Boolean.TRUE.equals(body.get("End")) ? null : text(body.get("Next"));
        }
        assertEquals(List.of("Plan", "ReadChunks", "List", "RenderChunks", "IndexParts", "QueueCommit"), order);
    }

    @Test
    void eachChunkIsADistributedMapItemSixteenAtATimeReadFromThePlansListWithRetries() {
        for (String map : List.of("ReadChunks", "RenderChunks")) {
            Map<String, Object> state = map(rebuildStates().get(map));
            assertEquals("Map", state.get("Type"), map);
            assertEquals(16, state.get("MaxConcurrency"), map + ": SiteStore.DEFAULT_CONCURRENT_CALLS requests in flight in each of 16 chunks");
            assertEquals("DISTRIBUTED", at(state, "ItemProcessor", "ProcessorConfig", "Mode"), map);
            assertEquals("arn:aws:states:::s3:getObject", at(state, "ItemReader", "Resource"), map);
            assertEquals(Map.of("Bucket.$", "$.bucket", "Key.$", "$.chunks"), at(state, "ItemReader", "Parameters"), map);
            assertEquals("$$.Map.Item.Value.keys", at(state, "ItemSelector", "keys.$"), map);
            assertEquals(map.startsWith("Read") ? "read" : "render", at(state, "ItemSelector", "step"), map);
            Map<String, Object> chunkStates = map(at(state, "ItemProcessor", "States"));
            assertEquals(1, chunkStates.size(), map);
            Map<String, Object> task = map(chunkStates.values().iterator().next());
            assertEquals("${RebuildFunction}", at(task, "Parameters", "FunctionName"), map);
            assertTrue(list(at(task, "Retry", 0, "ErrorEquals")).contains("States.TaskFailed"), map + ": a failed chunk is retried");
            assertNull(state.get("ToleratedFailurePercentage"), map + ": a chunk that keeps failing fails the re-render, uncommitted");
        }
    }

    @Test
    void eachIndexPartIsADistributedMapItemSixteenAtATimeReadFromThePlansListOfPartsWithRetries() {
        Map<String, Object> state = map(rebuildStates().get("IndexParts"));
        assertEquals("Map", state.get("Type"));
        assertEquals(16, state.get("MaxConcurrency"));
        assertEquals("DISTRIBUTED", at(state, "ItemProcessor", "ProcessorConfig", "Mode"));
        // RebuildStepHandler answers the plan with "indexParts", RebuildRun.indexParts()
        assertEquals("$.Payload.indexParts", at(map(rebuildStates().get("Plan")), "ResultSelector", "indexParts.$"));
        assertEquals(Map.of("Bucket.$", "$.bucket", "Key.$", "$.indexParts"), at(state, "ItemReader", "Parameters"));
        assertEquals(Map.of("step", "index", "run.$", "$.run", "part.$", "$$.Map.Item.Value.part", "parts.$", "$$.Map.Item.Value.parts"),
                at(state, "ItemSelector"));
        Map<String, Object> partStates = map(at(state, "ItemProcessor", "States"));
        assertEquals(1, partStates.size());
        Map<String, Object> task = map(partStates.values().iterator().next());
        assertEquals("${RebuildFunction}", at(task, "Parameters", "FunctionName"));
        assertTrue(list(at(task, "Retry", 0, "ErrorEquals")).contains("States.TaskFailed"), "a failed part is retried");
        assertNull(state.get("ToleratedFailurePercentage"), "a part that keeps failing fails the re-render, uncommitted");
    }

    @Test
    void theCommitIsQueuedOnThePublishQueuesOneGroupSoTheWriterCommitsIt() {
        Map<String, Object> commit = map(rebuildStates().get("QueueCommit"));
        assertEquals("Task", commit.get("Type"));
        assertEquals("arn:aws:states:::sqs:sendMessage", commit.get("Resource"));
        assertEquals("${QueueUrl}", at(commit, "Parameters", "QueueUrl"));
        assertEquals(Map.of("Ref", "ContentChangesQueue"), at(props(template, "RebuildStateMachine"), "DefinitionSubstitutions", "QueueUrl"));
        assertEquals(at(props(template, "ContentChangesRule"), "Targets", 0, "SqsParameters", "MessageGroupId"),
                at(commit, "Parameters", "MessageGroupId"), "the rule's group: one line, one writer");
        // QueuedChange.COMMIT_REBUILD in galley-lambda
        assertEquals("commit-rebuild", at(commit, "Parameters", "MessageBody", "action"));
        assertEquals("$.run", at(commit, "Parameters", "MessageBody", "run.$"));
    }

    @Test
    void theStepsRunInTheRebuildFunctionAnotherEntryPointOfTheSameJar() {
        Map<String, Object> steps = props(template, "RebuildFunction");
        assertEquals("dev.galley.lambda.RebuildStepHandler::handleRequest", steps.get("Handler"));
        assertEquals(function().get("CodeUri"), steps.get("CodeUri"));
        assertEquals(function().get("Runtime"), steps.get("Runtime"));
        assertTrue((Integer) steps.get("Timeout") <= 300, "no step runs longer than a few minutes");
        assertEquals(Map.of("Ref", "RebuildFunction.Alias"), at(props(template, "RebuildStateMachine"), "DefinitionSubstitutions", "RebuildFunction"));
        assertEquals("makefile", at(Template.resource(template, "RebuildFunction"), "Metadata", "BuildMethod"));
        Map<String, Object> env = map(at(steps, "Environment", "Variables"));
        assertFalse(env.containsKey("GALLEY_REBUILD_STATE_MACHINE"), "a step never starts a re-render");
        assertFalse(env.containsKey("GALLEY_DISTRIBUTION_ID"), "the writer invalidates after the commit");
        assertEquals(Map.of("Ref", "SiteGzip"), env.get("GALLEY_SITE_GZIP"), "a chunk writes pages as the writer does");
        assertEquals(at(function(), "Environment", "Variables", "JAVA_TOOL_OPTIONS"), env.get("JAVA_TOOL_OPTIONS"),
                "the same JVM, started the same way, as the writer");
    }

    @Test
    void theSiteBucketsGzipEncodingIsOnUnlessTheDeploymentTurnsItOff() {
        Map<String, Object> parameter = map(at(template, "Parameters", "SiteGzip"));
        assertEquals("true", parameter.get("Default"));
        assertEquals(List.of("true", "false"), parameter.get("AllowedValues"), "what FunctionConfig.fromEnvironment accepts");
        assertEquals(Map.of("Ref", "SiteGzip"), at(function(), "Environment", "Variables", "GALLEY_SITE_GZIP"));
    }

    @Test
    void theRebuildFunctionMayDoWhatTheWriterDoesToTheBucketsButNothingWithTheQueueTheCdnOrTheStateMachine() {
        Map<String, Set<String>> writer = new TreeMap<>(functionGrants());
        writer.keySet().removeIf(action -> action.startsWith("sqs:") || action.startsWith("cloudfront:") || action.startsWith("states:"));
        writer.put("logs:CreateLogStream", Set.of("${RebuildLogGroup.Arn}"));
        writer.put("logs:PutLogEvents", Set.of("${RebuildLogGroup.Arn}"));
        assertEquals(writer, grantsOf("RebuildFunctionRole"));
    }

    @Test
    void theStateMachineMayInvokeTheStepsReadTheChunkListsRunItsMapAndQueueTheCommitOnly() {
        String self = "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:galley-${Stage}-rebuild";
        assertEquals(self.substring(self.lastIndexOf(':') + 1), text(props(template, "RebuildStateMachine").get("StateMachineName")));
        Map<String, Set<String>> expected = new TreeMap<>(Map.of(
                "lambda:InvokeFunction", Set.of("${RebuildFunction.Alias}"),
                "s3:GetObject", Set.of("${SiteBucket.Arn}/_galley/rebuild/*"),
                "states:StartExecution", Set.of(self),
                "states:DescribeExecution", Set.of(self.replace(":stateMachine:", ":execution:") + "/*"),
                "states:StopExecution", Set.of(self.replace(":stateMachine:", ":execution:") + "/*"),
                "sqs:SendMessage", Set.of("${ContentChangesQueue.Arn}")));
        assertEquals(expected, grantsOf("RebuildStateMachineRole"));
        assertEquals("states.amazonaws.com", at(props(template, "RebuildStateMachineRole"), "AssumeRolePolicyDocument", "Statement", 0, "Principal", "Service"));
    }

    @Test
    void functionRoleHasNoManagedPoliciesAndOnlyLambdaMayAssumeIt() {
        Map<String, Object> role = props(template, "GalleyFunctionRole");
        assertNull(role.get("ManagedPolicyArns"));
        assertNull(role.get("PermissionsBoundary"));
        List<Object> trust = list(at(role, "AssumeRolePolicyDocument", "Statement"));
        assertEquals(1, trust.size());
        assertEquals("lambda.amazonaws.com", at(trust.get(0), "Principal", "Service"));
        assertEquals("sts:AssumeRole", at(trust.get(0), "Action"));
    }

    // ------------------------------------------------------------- wake-ups

    @Test
    void wakeUpsAreSchedulesOfTheStagesGroupSendingToThePublishQueueWithTheSchedulerRole() {
        Map<String, Object> env = map(at(function(), "Environment", "Variables"));
        assertEquals("AWS::Scheduler::ScheduleGroup", Template.type(Template.resource(template, "WakeUpScheduleGroup")));
        assertEquals("galley-${Stage}", text(props(template, "WakeUpScheduleGroup").get("Name")));
        assertEquals(Map.of("Ref", "WakeUpScheduleGroup"), env.get("GALLEY_SCHEDULE_GROUP"));
        assertEquals("${SchedulerRole.Arn}", text(env.get("GALLEY_SCHEDULER_ROLE_ARN")));
        assertEquals(Map.of("Fn::GetAtt", List.of("ContentChangesQueue", "Arn")), env.get("GALLEY_WAKE_TARGET_ARN"));
        assertEquals(true, props(template, "ContentChangesQueue").get("FifoQueue"), "a wake-up joins the one message group");
    }

    @Test
    void onlyTheSchedulerOfThisAccountsGroupMayAssumeTheSchedulerRoleAndItMayOnlySendToThePublishQueue() {
        Map<String, Object> role = props(template, "SchedulerRole");
        assertNull(role.get("ManagedPolicyArns"));
        List<Object> trust = list(at(role, "AssumeRolePolicyDocument", "Statement"));
        assertEquals(1, trust.size());
        assertEquals("scheduler.amazonaws.com", at(trust.get(0), "Principal", "Service"));
        assertEquals(Map.of("Ref", "AWS::AccountId"), at(trust.get(0), "Condition", "StringEquals", "aws:SourceAccount"));
        assertEquals("arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule-group/"
                        + text(props(template, "WakeUpScheduleGroup").get("Name")),
                text(at(trust.get(0), "Condition", "StringEquals", "aws:SourceArn")));
        List<TemplateRules.Statement> grants = TemplateRules.statements(template).stream().filter(s -> s.where().startsWith("SchedulerRole.")).toList();
        assertEquals(1, grants.size());
        assertEquals(List.of("sqs:SendMessage"), grants.get(0).actions());
        assertEquals(List.of("${ContentChangesQueue.Arn}"), grants.get(0).resources());
    }

    @Test
    void logGroupIsTheFunctionsAndKeepsLogsThirtyDays() {
        assertEquals("/aws/lambda/" + text(function().get("FunctionName")),
                text(props(template, "FunctionLogGroup").get("LogGroupName")));
        assertEquals(30, props(template, "FunctionLogGroup").get("RetentionInDays"));
    }

    // ------------------------------------------------------------- CloudFront

    @Test
    void distributionServesIndexHtmlOverHttp2And3AndIpv6WithAParameterisedPriceClass() {
        Map<String, Object> d = distributionConfig();
        assertEquals(true, d.get("Enabled"));
        assertEquals("index.html", d.get("DefaultRootObject"));
        assertEquals("http2and3", d.get("HttpVersion"));
        assertEquals(true, d.get("IPV6Enabled"));
        assertEquals(Map.of("Ref", "PriceClass"), d.get("PriceClass"));
        Map<String, Object> behavior = map(d.get("DefaultCacheBehavior"));
        assertEquals("redirect-to-https", behavior.get("ViewerProtocolPolicy"));
        assertEquals(true, behavior.get("Compress"));
        assertEquals(List.of("GET", "HEAD"), behavior.get("AllowedMethods"));
        assertEquals(Map.of("Ref", "SiteCachePolicy"), behavior.get("CachePolicyId"));
        assertEquals(Map.of("Ref", "SiteSecurityHeadersPolicy"), behavior.get("ResponseHeadersPolicyId"));
        assertNull(behavior.get("ForwardedValues"), "legacy cache settings would override the cache policy");
    }

    @Test
    void missingAndDeniedPagesAnswerTheSite404PageWithStatus404() {
        Map<Integer, Map<String, Object>> byCode = new TreeMap<>();
        for (Object e : list(distributionConfig().get("CustomErrorResponses"))) {
            byCode.put((Integer) map(e).get("ErrorCode"), map(e));
        }
        assertEquals(Set.of(403, 404), byCode.keySet());
        for (Map<String, Object> e : byCode.values()) {
            assertEquals(404, e.get("ResponseCode"));
            assertEquals("/404.html", e.get("ResponsePagePath"));
        }
    }

    @Test
    void viewerRequestRunsTheRewriteFunctionAndViewerResponseTheRedirectFunctionOnCloudfrontJs2() {
        List<Object> associations = list(at(distributionConfig(), "DefaultCacheBehavior", "FunctionAssociations"));
        Map<Object, Object> byEvent = new TreeMap<>();
        associations.forEach(a -> byEvent.put(at(a, "EventType"), at(a, "FunctionARN")));
        assertEquals(Map.of(
                "viewer-request", Map.of("Fn::GetAtt", List.of("RewriteIndexFunction", "FunctionARN")),
                "viewer-response", Map.of("Fn::GetAtt", List.of("RedirectResponseFunction", "FunctionARN"))), byEvent);
        // The SVG behaviours serve no page (no redirect to answer), but their URIs pass the same guard (/_galley/, dot segments).
        for (Object behavior : list(distributionConfig().get("CacheBehaviors"))) {
            assertEquals(List.of(Map.of("EventType", "viewer-request", "FunctionARN", Map.of("Fn::GetAtt", List.of("RewriteIndexFunction", "FunctionARN")))),
                    map(behavior).get("FunctionAssociations"), String.valueOf(map(behavior).get("PathPattern")));
        }
        for (String name : List.of("RewriteIndexFunction", "RedirectResponseFunction")) {
            Map<String, Object> f = props(template, name);
            assertEquals("cloudfront-js-2.0", at(f, "FunctionConfig", "Runtime"), name);
            assertEquals(true, f.get("AutoPublish"), name + ": an unpublished function is not what the distribution runs");
        }
    }

    @Test
    void cachePolicyHonoursOriginCacheControlAndKeysOnThePathAlone() {
        Map<String, Object> c = map(props(template, "SiteCachePolicy").get("CachePolicyConfig"));
        assertEquals(0, c.get("MinTTL"));
        assertEquals(60, c.get("DefaultTTL"));
        assertEquals(31536000, c.get("MaxTTL"));
        Map<String, Object> key = map(c.get("ParametersInCacheKeyAndForwardedToOrigin"));
        assertEquals(true, key.get("EnableAcceptEncodingGzip"));
        assertEquals(true, key.get("EnableAcceptEncodingBrotli"));
        assertEquals("none", at(key, "CookiesConfig", "CookieBehavior"));
        assertEquals("none", at(key, "HeadersConfig", "HeaderBehavior"));
        assertEquals("none", at(key, "QueryStringsConfig", "QueryStringBehavior"));
    }

    @Test
    void responseHeadersPolicySetsCspHstsNosniffFrameDenyAndReferrerPolicy() {
        Map<String, Object> h = map(at(props(template, "SiteSecurityHeadersPolicy"), "ResponseHeadersPolicyConfig", "SecurityHeadersConfig"));
        assertEquals(Set.of("ContentSecurityPolicy", "StrictTransportSecurity", "ContentTypeOptions", "FrameOptions", "ReferrerPolicy"),
                h.keySet());
        h.forEach((name, header) -> assertEquals(true, map(header).get("Override"), name + " must override the origin"));
        String csp = text(at(h, "ContentSecurityPolicy", "ContentSecurityPolicy"));
        List<String> directives = cspDirectives(csp);
        assertTrue(directives.contains("default-src 'self'"), csp);
        assertTrue(directives.contains("script-src 'self'"), csp);
        assertTrue(directives.contains("object-src 'none'"), csp);
        assertTrue(directives.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("*"), csp);
        assertTrue((Integer) at(h, "StrictTransportSecurity", "AccessControlMaxAgeSec") >= 31536000);
        assertEquals("DENY", at(h, "FrameOptions", "FrameOption"));
        assertEquals("strict-origin-when-cross-origin", at(h, "ReferrerPolicy", "ReferrerPolicy"));
    }

    private static List<String> cspDirectives(String csp) {
        List<String> directives = new ArrayList<>();
        for (String d : csp.split(";")) {
            directives.add(d.trim());
        }
        return directives;
    }

    @Test
    void cspFramesExactlyTheDefaultEmbedHostsAndTheExtraFrameHostsParameter() {
        String csp = text(at(props(template, "SiteSecurityHeadersPolicy"), "ResponseHeadersPolicyConfig", "SecurityHeadersConfig",
                "ContentSecurityPolicy", "ContentSecurityPolicy"));
        List<String> frameSrc = cspDirectives(csp).stream().filter(d -> d.startsWith("frame-src ")).toList();
        assertEquals(1, frameSrc.size(), csp);
        List<String> expected = new ArrayList<>();
        SiteConfig.DEFAULT_EMBED_HOSTS.forEach(host -> expected.add("https://" + host));
        expected.add("${ExtraFrameHosts}");
        assertEquals(expected, List.of(frameSrc.get(0).substring("frame-src ".length()).split(" ")));
        Pattern allowed = Pattern.compile((String) at(map(template.get("Parameters")), "ExtraFrameHosts", "AllowedPattern"));
        assertTrue(allowed.matcher("").matches());
        assertTrue(allowed.matcher("https://codepen.io https://gist.github.com").matches());
        for (String injection : List.of("https://codepen.io; script-src *", "*", "'unsafe-inline'", "http://codepen.io", "codepen.io")) {
            assertFalse(allowed.matcher(injection).matches(), injection);
        }
    }

    @Test
    void sharedDraftsAreServedAsPagesWithANoindexHeader() {
        Map<String, Object> drafts = list(distributionConfig().get("CacheBehaviors")).stream().map(Template::map)
                .filter(b -> "/drafts/*".equals(b.get("PathPattern"))).findFirst().orElseThrow();
        assertEquals(Map.of("Ref", "DraftHeadersPolicy"), drafts.get("ResponseHeadersPolicyId"));
        Map<String, Object> defaults = map(distributionConfig().get("DefaultCacheBehavior"));
        for (String same : List.of("TargetOriginId", "ViewerProtocolPolicy", "AllowedMethods", "CachePolicyId")) {
            assertEquals(defaults.get(same), drafts.get(same), same);
        }
        Map<String, Object> policy = map(props(template, "DraftHeadersPolicy").get("ResponseHeadersPolicyConfig"));
        assertEquals(at(props(template, "SiteSecurityHeadersPolicy"), "ResponseHeadersPolicyConfig", "SecurityHeadersConfig"),
                policy.get("SecurityHeadersConfig"), "a draft is a page: the same policy, so the preview of a draft shows what readers get");
        assertEquals(List.of(Map.of("Header", "X-Robots-Tag", "Value", "noindex, nofollow", "Override", true)),
                at(policy, "CustomHeadersConfig", "Items"));
    }

    @Test
    void theFunctionGetsTheDraftKeysSecretNotItsValue() {
        Map<String, Object> variables = map(at(props(template, "GalleyFunction"), "Environment", "Variables"));
        assertEquals(Map.of("Ref", "DraftKeySecret"), variables.get("GALLEY_DRAFT_KEY_SECRET"));
        Map<String, Object> secret = props(template, "DraftKeySecret");
        assertTrue(((Number) at(secret, "GenerateSecretString", "PasswordLength")).intValue() >= 32, "a key nobody can guess: " + secret);
        assertFalse(secret.containsKey("SecretString"), "the key is generated, never written in the template");
    }

    @Test
    void svgImagesAreServedSandboxedWithNoScriptWhateverTheCaseOfTheirEnding() {
        List<Object> behaviors = list(distributionConfig().get("CacheBehaviors")).stream()
                .filter(b -> String.valueOf(map(b).get("PathPattern")).startsWith("/media/")).toList();
        assertEquals(List.of("/media/*.svg", "/media/*.SVG"), behaviors.stream().map(b -> map(b).get("PathPattern")).toList());
        Map<String, Object> defaults = map(distributionConfig().get("DefaultCacheBehavior"));
        for (Object behavior : behaviors) {
            Map<String, Object> b = map(behavior);
            assertEquals(Map.of("Ref", "SvgSandboxHeadersPolicy"), b.get("ResponseHeadersPolicyId"));
            for (String same : List.of("TargetOriginId", "ViewerProtocolPolicy", "AllowedMethods", "CachePolicyId")) {
                assertEquals(defaults.get(same), b.get(same), same);
            }
        }
        String csp = text(at(props(template, "SvgSandboxHeadersPolicy"), "ResponseHeadersPolicyConfig", "SecurityHeadersConfig",
                "ContentSecurityPolicy", "ContentSecurityPolicy"));
        List<String> directives = cspDirectives(csp);
        assertTrue(directives.contains("sandbox"), csp);
        assertTrue(directives.contains("default-src 'none'"), csp);
        assertFalse(csp.contains("script-src"), "no script source at all: " + csp);
    }

    // ------------------------------------------------------------- operations

    @Test
    void alarmsWatchBothDeadLetterQueuesTheAgeOfTheOldestChangeAndTheFunctionErrors() {
        Map<String, Map<String, Object>> byWatched = new TreeMap<>();
        for (String id : Template.idsOfType(template, "AWS::CloudWatch::Alarm")) {
            Map<String, Object> a = props(template, id);
            byWatched.put(a.get("MetricName") + " " + text(at(a, "Dimensions", 0, "Value")), a);
            assertEquals("GreaterThanThreshold", a.get("ComparisonOperator"), id);
            assertEquals("notBreaching", a.get("TreatMissingData"), id);
            assertEquals(List.of("HasAlarmEmail", List.of(Map.of("Ref", "AlarmTopic")), Map.of("Ref", "AWS::NoValue")),
                    at(a, "AlarmActions", "Fn::If"), id + " notifies the optional topic");
        }
        for (String queue : List.of("DeadLetterQueue", "UndeliveredEventsQueue")) {
            Map<String, Object> depth = byWatched.get("ApproximateNumberOfMessagesVisible ${" + queue + ".QueueName}");
            assertNotNull(depth, "no alarm on the depth of " + queue);
            assertEquals("AWS/SQS", depth.get("Namespace"));
            assertEquals(0, depth.get("Threshold"), "one message is one change not published");
        }
        Map<String, Object> age = byWatched.get("ApproximateAgeOfOldestMessage ${ContentChangesQueue.QueueName}");
        assertNotNull(age, "no alarm on the age of the oldest change");
        assertTrue((Integer) age.get("Threshold") > (Integer) props(template, "ContentChangesQueue").get("VisibilityTimeout"),
                "one record handed back once must not raise it");
        Map<String, Object> errors = byWatched.get("Errors ${GalleyFunction}");
        assertNotNull(errors, "no alarm on function errors");
        assertEquals(0, errors.get("Threshold"));
        assertEquals("HasAlarmEmail", Template.resource(template, "AlarmTopic").get("Condition"));
    }

    @Test
    void aRejectedSiteConfigIsCountedFromTheFunctionsLogAndAlarmed() {
        Map<String, Object> filter = props(template, "SiteConfigRejectedMetric");
        assertEquals(Map.of("Ref", "FunctionLogGroup"), filter.get("LogGroupName"));
        // The field PublishHandler puts on the log line of a rejected site.yaml (PublishEndToEndTest checks that side).
        assertEquals("{ $.siteConfigRejected IS TRUE }", filter.get("FilterPattern"));
        Map<String, Object> metric = map(at(filter, "MetricTransformations", 0));
        Map<String, Object> alarm = props(template, "SiteConfigRejectedAlarm");
        assertEquals(metric.get("MetricNamespace"), alarm.get("Namespace"));
        assertEquals(metric.get("MetricName"), alarm.get("MetricName"));
        assertEquals("Sum", alarm.get("Statistic"));
    }

    @Test
    void outputsNameEverythingAnOperatorNeeds() {
        Map<String, Object> outputs = map(template.get("Outputs"));
        for (String name : List.of("SiteUrl", "ContentBucketName", "SiteBucketName", "DistributionId", "FunctionName",
                "ContentChangesQueueUrl", "FailureQueueUrl", "UndeliveredEventsQueueUrl")) {
            assertTrue(outputs.containsKey(name), "no output " + name);
        }
        assertTrue(text(at(outputs, "SiteUrl", "Value")).startsWith("https://${Distribution.DomainName}"));
    }

    @Test
    void stageIsPartOfTheNamesThatMustBeUniquePerAccount() {
        for (Object name : oneOrMany(List.of(
                function().get("FunctionName"),
                props(template, "ContentBucket").get("BucketName"),
                props(template, "FailedEventsAlarm").get("AlarmName"),
                props(template, "FunctionErrorsAlarm").get("AlarmName"),
                props(template, "UndeliveredEventsAlarm").get("AlarmName"),
                props(template, "QueueAgeAlarm").get("AlarmName"),
                props(template, "ContentChangesRule").get("Name"),
                props(template, "ContentChangesQueue").get("QueueName"),
                props(template, "DeadLetterQueue").get("QueueName"),
                props(template, "SiteConfigRejectedAlarm").get("AlarmName")))) {
            assertTrue(text(name).contains("${Stage}"), text(name));
        }
    }
}
