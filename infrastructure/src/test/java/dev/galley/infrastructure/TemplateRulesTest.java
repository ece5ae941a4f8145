package dev.galley.infrastructure;

import static dev.galley.infrastructure.Template.at;
import static dev.galley.infrastructure.Template.list;
import static dev.galley.infrastructure.Template.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link TemplateRules} holds for template.yaml, and each is shown to
 * catch the widening it is there for (the template is changed in memory only).
 */
class TemplateRulesTest {

    private static Map<String, Object> template;

    @BeforeAll
    static void load() {
        template = Template.loadMain();
    }

    private static void assertKept(List<String> violations) {
        assertEquals(List.of(), violations, "the template breaks a rule");
    }

    private static void assertCaught(List<String> violations, String expectedFragment) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expectedFragment)),
                "expected a violation mentioning '" + expectedFragment + "', got " + violations);
    }

    private static Map<String, Object> mutated() {
        return CfnYaml.deepCopy(template);
    }

    private static Map<String, Object> statement(Map<String, Object> t, String sid) {
        for (TemplateRules.Statement s : TemplateRules.statements(t)) {
            if (s.where().endsWith("/" + sid)) {
                return s.body();
            }
        }
        throw new AssertionError("no statement " + sid);
    }

    // ------------------------------------------------------------- the rules hold

    @Test
    void theTemplateKeepsEveryRule() {
        assertKept(TemplateRules.all(template));
    }

    @Test
    void theRulesSeeEveryPolicyStatementOfTheTemplate() {
        // Guards the checker itself: if it found no statements, every rule would pass.
        List<String> where = TemplateRules.statements(template).stream().map(TemplateRules.Statement::where).toList();
        assertTrue(where.size() >= 12, "too few statements found: " + where);
        for (String sid : List.of("ReadAndTagArticles", "ListArticles", "WriteSite", "ListSite",
                "InvalidateOwnDistribution", "SetOwnWakeUps", "PassSchedulerRole", "SendWakeUpsToThePublishQueue", "ConsumeOwnQueue", "WriteOwnLogs",
                "CloudFrontReadsPages", "OnlyTheRuleSends",
                "CloudFrontSeesMissingPagesAs404", "ReadersNeverGetGalleyState")) {
            assertTrue(where.stream().anyMatch(w -> w.endsWith("/" + sid)), sid + " not found in " + where);
        }
    }

    @Test
    void noAllowStatementGrantsAWildcardAction() {
        assertKept(TemplateRules.noAllowHasAWildcardAction(template));
    }

    @Test
    void noAllowStatementReachesResourceStarOrEveryBucket() {
        assertKept(TemplateRules.noAllowHasAWildcardResource(template));
    }

    @Test
    void noBucketPolicyAllowsEveryone() {
        assertKept(TemplateRules.noBucketPolicyAllowsEveryone(template));
    }

    @Test
    void noFullAccessManagedPolicyIsAttached() {
        assertKept(TemplateRules.noBroadManagedPolicy(template));
    }

    @Test
    void siteBucketHasNoNotificationConfiguration() {
        assertKept(TemplateRules.onlyTheContentBucketNotifies(template));
    }

    @Test
    void contentBucketNotifiesEventBridgeOnly() {
        assertKept(TemplateRules.contentBucketNotifiesEventBridgeOnly(template));
    }

    @Test
    void theRuleSendsCreatesAndDeletesUnderThePrefixToTheQueueInOneGroup() {
        assertKept(TemplateRules.theRuleSendsCreatesAndDeletesUnderThePrefixToTheQueueInOneGroup(template));
    }

    @Test
    void onlyTheRuleSendsToTheQueue() {
        assertKept(TemplateRules.onlyTheRuleSendsToTheQueue(template));
    }

    @Test
    void theFunctionConsumesTheQueueWithADeadLetterQueue() {
        assertKept(TemplateRules.theFunctionConsumesTheQueueWithADeadLetterQueue(template));
    }

    @Test
    void functionUsesOnlyItsOwnQueue() {
        assertKept(TemplateRules.functionUsesOnlyItsOwnQueue(template));
    }

    @Test
    void everyInvokePermissionNamesItsSourceArnAndAccount() {
        assertKept(TemplateRules.everyInvokePermissionNamesItsSourceArnAndAccount(template));
    }

    @Test
    void bothBucketsAreVersionedEncryptedPrivateAndOwnerEnforced() {
        assertKept(TemplateRules.bucketsAreVersionedEncryptedPrivateAndOwnerEnforced(template));
        assertEquals(List.of("ContentBucket", "SiteBucket"), Template.idsOfType(template, "AWS::S3::Bucket"));
    }

    @Test
    void distributionReadsTheSiteBucketThroughOriginAccessControlNotOai() {
        assertKept(TemplateRules.distributionReadsTheSiteBucketThroughOacOnly(template));
    }

    @Test
    void functionMayListEveryBucketItReadsSoMissingKeysAre404() {
        assertKept(TemplateRules.functionSeesMissingKeysAs404(template));
    }

    @Test
    void functionMayInvalidateOnlyThisDistribution() {
        assertKept(TemplateRules.functionInvalidatesOnlyThisDistribution(template));
    }

    @Test
    void siteBucketPolicyLetsOnlyThisDistributionReadAndDeniesGalleyState() {
        assertKept(TemplateRules.siteBucketPolicyLetsOnlyThisDistributionReadAndHidesGalleyState(template));
    }

    // ------------------------------------------------------------- mutations are caught

    @Test
    void addingS3StarToTheFunctionRoleIsCaught() {
        Map<String, Object> t = mutated();
        Map<String, Object> write = statement(t, "WriteSite");
        List<Object> actions = new ArrayList<>(list(write.get("Action")));
        actions.add("s3:*");
        write.put("Action", actions);
        assertCaught(TemplateRules.all(t), "wildcard action 's3:*'");
    }

    @Test
    void aStarActionInAnyAllowIsCaught() {
        Map<String, Object> t = mutated();
        statement(t, "InvalidateOwnDistribution").put("Action", "cloudfront:*");
        assertCaught(TemplateRules.noAllowHasAWildcardAction(t), "cloudfront:*");
        statement(t, "ListSite").put("Action", "*");
        assertCaught(TemplateRules.noAllowHasAWildcardAction(t), "wildcard action '*'");
    }

    @Test
    void wideningAnS3ResourceToStarOrEveryBucketIsCaught() {
        Map<String, Object> t = mutated();
        statement(t, "ReadAndTagArticles").put("Resource", "*");
        assertCaught(TemplateRules.all(t), "Resource '*'");

        Map<String, Object> u = mutated();
        statement(u, "WriteSite").put("Resource", Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::*/*"));
        assertCaught(TemplateRules.all(u), "every bucket");
    }

    @Test
    void notActionOrNotResourceInAnAllowIsCaught() {
        Map<String, Object> t = mutated();
        Map<String, Object> s = statement(t, "ListSite");
        s.put("NotAction", s.remove("Action"));
        assertCaught(TemplateRules.all(t), "NotAction");
        Map<String, Object> u = mutated();
        Map<String, Object> r = statement(u, "ListSite");
        r.put("NotResource", r.remove("Resource"));
        assertCaught(TemplateRules.all(u), "NotResource");
    }

    @Test
    void attachingAFullAccessManagedPolicyIsCaught() {
        Map<String, Object> t = mutated();
        Template.props(t, "GalleyFunctionRole").put("ManagedPolicyArns",
                List.of(Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::aws:policy/AmazonS3FullAccess")));
        assertCaught(TemplateRules.all(t), "AmazonS3FullAccess");
    }

    @Test
    void aSamPolicyTemplateOnTheFunctionIsCaught() {
        Map<String, Object> t = mutated();
        Template.props(t, "GalleyFunction").put("Policies", List.of(Map.of("S3CrudPolicy", Map.of("BucketName", "x"))));
        assertCaught(TemplateRules.all(t), "S3CrudPolicy");
    }

    @Test
    void aNotificationOnTheSiteBucketIsCaught() {
        Map<String, Object> t = mutated();
        Template.props(t, "SiteBucket").put("NotificationConfiguration",
                Map.of("LambdaConfigurations", List.of(Map.of("Event", "s3:ObjectCreated:*",
                        "Function", TemplateRules.LIVE_ALIAS))));
        assertCaught(TemplateRules.all(t), "SiteBucket: has a NotificationConfiguration");
    }

    @Test
    void aDirectNotificationOrInvokePermissionBesideTheQueueIsCaught() {
        Map<String, Object> t = mutated();
        map(Template.props(t, "ContentBucket").get("NotificationConfiguration")).put("LambdaConfigurations",
                List.of(Map.of("Event", "s3:ObjectCreated:*", "Function", TemplateRules.LIVE_ALIAS)));
        assertCaught(TemplateRules.all(t), "LambdaConfigurations bypass the queue");

        Map<String, Object> u = mutated();
        Template.resources(u).put("ContentBucketInvokePermission", new LinkedHashMap<>(Map.of("Type", "AWS::Lambda::Permission",
                "Properties", new LinkedHashMap<>(Map.of("Action", "lambda:InvokeFunction", "FunctionName", TemplateRules.LIVE_ALIAS,
                        "Principal", "s3.amazonaws.com", "SourceArn", Map.of("Fn::Sub", TemplateRules.CONTENT_BUCKET_ARN))))));
        List<String> v = TemplateRules.all(u);
        assertCaught(v, "S3 may still invoke the function directly");
        assertCaught(v, "SourceAccount");

        Map<String, Object> w = mutated();
        map(Template.props(w, "ContentBucket").get("NotificationConfiguration")).remove("EventBridgeConfiguration");
        Template.resource(w, "ContentBucket").remove("DependsOn");
        List<String> x = TemplateRules.all(w);
        assertCaught(x, "EventBridge notifications are not enabled");
        assertCaught(x, "changes made before they exist would be lost");
    }

    @Test
    void droppingTheDeleteEventOrThePrefixOrTheConstantGroupIsCaught() {
        Map<String, Object> t = mutated();
        map(Template.props(t, "ContentChangesRule").get("EventPattern")).put("detail-type", List.of("Object Created"));
        assertCaught(TemplateRules.all(t), "expected exactly Object Created and Object Deleted");

        Map<String, Object> u = mutated();
        List<Object> branches = list(at(Template.props(u, "ContentChangesRule"), "EventPattern", "detail", "Fn::If"));
        map(branches.get(1)).remove("object");
        assertCaught(TemplateRules.all(u), "not filtered on the ContentPrefix");

        Map<String, Object> w = mutated();
        map(at(Template.props(w, "ContentChangesRule"), "Targets", 0, "SqsParameters"))
                .put("MessageGroupId", Map.of("Fn::Sub", "${aws.events.event.id}"));
        assertCaught(TemplateRules.all(w), "not one constant");

        Map<String, Object> x = mutated();
        Template.props(x, "ContentChangesQueue").remove("FifoQueue");
        assertCaught(TemplateRules.all(x), "not a FIFO queue");
    }

    @Test
    void aSuffixFilterOrAnotherBucketInTheRuleIsCaught() {
        Map<String, Object> t = mutated();
        List<Object> branches = list(at(Template.props(t, "ContentChangesRule"), "EventPattern", "detail", "Fn::If"));
        map(at(branches.get(1), "object")).put("key", List.of(Map.of("prefix", Map.of("Ref", "ContentPrefix")), Map.of("suffix", ".md")));
        assertCaught(TemplateRules.all(t), "is more than the ContentPrefix");

        Map<String, Object> u = mutated();
        List<Object> other = list(at(Template.props(u, "ContentChangesRule"), "EventPattern", "detail", "Fn::If"));
        map(map(other.get(2)).get("bucket")).put("name", List.of(Map.of("prefix", "")));
        assertCaught(TemplateRules.all(u), "not only the content bucket");
    }

    @Test
    void aQueuePolicyOpenToAnyoneOrAnyRuleIsCaught() {
        Map<String, Object> t = mutated();
        statement(t, "OnlyTheRuleSends").remove("Condition");
        assertCaught(TemplateRules.all(t), "not limited to the rule's ARN");

        Map<String, Object> u = mutated();
        statement(u, "OnlyTheRuleSends").put("Principal", Map.of("Service", "s3.amazonaws.com"));
        statement(u, "OnlyTheRuleSends").put("Action", List.of("sqs:SendMessage", "sqs:PurgeQueue"));
        List<String> v = TemplateRules.all(u);
        assertCaught(v, "a principal other than EventBridge");
        assertCaught(v, "expected only sqs:SendMessage");
    }

    @Test
    void noItemFailuresOrNoDeadLetterQueueOrAShortVisibilityIsCaught() {
        Map<String, Object> t = mutated();
        Template.props(t, "ContentChangesMapping").remove("FunctionResponseTypes");
        Template.props(t, "ContentChangesMapping").put("BatchSize", 100);
        List<String> v = TemplateRules.all(t);
        assertCaught(v, "no ReportBatchItemFailures");
        assertCaught(v, "BatchSize 100");

        Map<String, Object> u = mutated();
        Template.props(u, "ContentChangesQueue").remove("RedrivePolicy");
        Template.props(u, "ContentChangesQueue").put("VisibilityTimeout", 30);
        Template.props(u, "DeadLetterQueue").remove("RedriveAllowPolicy");
        List<String> w = TemplateRules.all(u);
        assertCaught(w, "no RedrivePolicy to DeadLetterQueue");
        assertCaught(w, "is not above the function's Timeout");
        assertCaught(w, "RedriveAllowPolicy does not allow");
    }

    @Test
    void theFunctionPurgingOrUsingAnotherQueueIsCaught() {
        Map<String, Object> t = mutated();
        statement(t, "ConsumeOwnQueue").put("Action", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:PurgeQueue"));
        assertCaught(TemplateRules.all(t), "the function may sqs:PurgeQueue (it only consumes its queue and asks it for refreshes)");

        Map<String, Object> r = mutated();
        statement(r, "AskOwnQueueForRefreshes").put("Resource", Map.of("Fn::GetAtt", List.of("DeadLetterQueue", "Arn")));
        assertCaught(TemplateRules.all(r), "not only ContentChangesQueue");

        Map<String, Object> u = mutated();
        statement(u, "ConsumeOwnQueue").put("Resource", Map.of("Fn::Sub", "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:*"));
        assertCaught(TemplateRules.all(u), "not only ContentChangesQueue");
    }

    @Test
    void anUnversionedOrPublicBucketIsCaught() {
        Map<String, Object> t = mutated();
        Template.props(t, "SiteBucket").remove("VersioningConfiguration");
        map(Template.props(t, "ContentBucket").get("PublicAccessBlockConfiguration")).put("RestrictPublicBuckets", false);
        Template.props(t, "SiteBucket").remove("OwnershipControls");
        List<String> v = TemplateRules.all(t);
        assertCaught(v, "SiteBucket: not versioned");
        assertCaught(v, "RestrictPublicBuckets");
        assertCaught(v, "BucketOwnerEnforced");
    }

    @Test
    void anOriginAccessIdentityIsCaught() {
        Map<String, Object> t = mutated();
        Template.resources(t).put("LegacyOai", new LinkedHashMap<>(Map.of(
                "Type", "AWS::CloudFront::CloudFrontOriginAccessIdentity",
                "Properties", Map.of("CloudFrontOriginAccessIdentityConfig", Map.of("Comment", "x")))));
        Map<String, Object> origin = map(at(Template.props(t, "Distribution"), "DistributionConfig", "Origins", 0));
        map(origin.get("S3OriginConfig")).put("OriginAccessIdentity", Map.of("Fn::Sub", "origin-access-identity/cloudfront/${LegacyOai}"));
        origin.remove("OriginAccessControlId");
        List<String> v = TemplateRules.all(t);
        assertCaught(v, "legacy OAI");
        assertCaught(v, "uses an origin access identity");
        assertCaught(v, "no OriginAccessControlId");
    }

    @Test
    void aSiteBucketPolicyWithoutSourceArnOrWithoutTheGalleyDenyIsCaught() {
        Function<Map<String, Object>, List<String>> rule =
                TemplateRules::siteBucketPolicyLetsOnlyThisDistributionReadAndHidesGalleyState;
        Map<String, Object> t = mutated();
        statement(t, "CloudFrontReadsPages").remove("Condition");
        assertCaught(rule.apply(t), "without AWS:SourceArn");

        Map<String, Object> u = mutated();
        List<Object> statements = list(at(Template.props(u, "SiteBucketPolicy"), "PolicyDocument", "Statement"));
        statements.removeIf(s -> "ReadersNeverGetGalleyState".equals(map(s).get("Sid")));
        assertCaught(rule.apply(u), "no unconditional Deny");

        Map<String, Object> w = mutated();
        statements = list(at(Template.props(w, "SiteBucketPolicy"), "PolicyDocument", "Statement"));
        statements.removeIf(s -> "CloudFrontSeesMissingPagesAs404".equals(map(s).get("Sid")));
        assertCaught(rule.apply(w), "expected exactly s3:GetObject and s3:ListBucket");
    }

    @Test
    void aPublicReadStatementIsCaught() {
        Map<String, Object> t = mutated();
        statement(t, "CloudFrontReadsPages").put("Principal", "*");
        List<String> v = TemplateRules.all(t);
        assertCaught(v, "Allow to every principal");
        assertCaught(v, "allows a principal other than CloudFront");
    }

    @Test
    void listingTheContentBucketOnlyUnderAPrefixConditionOrNotListingTheSiteIsCaught() {
        Map<String, Object> t = mutated();
        statement(t, "ListArticles").put("Condition", Map.of("StringLike", Map.of("s3:prefix", List.of(Map.of("Fn::Sub", "${ContentPrefix}*")))));
        assertCaught(TemplateRules.all(t), "galley-content-${Stage}-${AWS::AccountId}-${AWS::Region} but may list it only under a condition");

        Map<String, Object> u = mutated();
        List<Object> statements = list(at(Template.props(u, "GalleyFunctionRole"), "Policies", 0, "PolicyDocument", "Statement"));
        statements.removeIf(s -> "ListSite".equals(map(s).get("Sid")));
        assertCaught(TemplateRules.all(u), "reads ${SiteBucket.Arn} but may not list it");
    }

    @Test
    void invalidatingAnyDistributionOrMoreThanInvalidatingIsCaught() {
        Map<String, Object> t = mutated();
        statement(t, "InvalidateOwnDistribution").put("Resource", Map.of("Fn::Sub", "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/*"));
        assertCaught(TemplateRules.all(t), "not only this distribution");

        Map<String, Object> u = mutated();
        statement(u, "InvalidateOwnDistribution").put("Action", List.of("cloudfront:CreateInvalidation", "cloudfront:UpdateDistribution"));
        assertCaught(TemplateRules.all(u), "the function may cloudfront:UpdateDistribution");

        Map<String, Object> w = mutated();
        List<Object> statements = list(at(Template.props(w, "GalleyFunctionRole"), "Policies", 0, "PolicyDocument", "Statement"));
        statements.removeIf(s -> "InvalidateOwnDistribution".equals(map(s).get("Sid")));
        assertCaught(TemplateRules.all(w), "no cloudfront:CreateInvalidation");
    }

    @Test
    void functionReadsTheDraftKeyAndNoOtherSecret() {
        assertKept(TemplateRules.functionReadsOnlyTheDraftKey(template));
    }

    @Test
    void readingAnySecretOrMoreThanReadingTheDraftKeyIsCaught() {
        Map<String, Object> t = mutated();
        statement(t, "ReadDraftKey").put("Resource", Map.of("Fn::Sub", "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:*"));
        assertCaught(TemplateRules.all(t), "not only the draft key");
        Map<String, Object> u = mutated();
        statement(u, "ReadDraftKey").put("Action", List.of("secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"));
        assertCaught(TemplateRules.all(u), "the function may secretsmanager:PutSecretValue");
        Map<String, Object> w = mutated();
        List<Object> statements = list(at(Template.props(w, "GalleyFunctionRole"), "Policies", 0, "PolicyDocument", "Statement"));
        statements.removeIf(s -> "ReadDraftKey".equals(map(s).get("Sid")));
        assertCaught(TemplateRules.all(w), "no secretsmanager:GetSecretValue of the draft key");
    }

    @Test
    void functionSetsWakeUpsOnlyInItsGroupAndTheSchedulerOnlySendsToThePublishQueue() {
        assertKept(TemplateRules.functionSetsWakeUpsOnlyInItsGroupAndPassesOnlyTheSchedulerRole(template));
        assertKept(TemplateRules.schedulerRoleOnlySendsToThePublishQueue(template));
    }

    @Test
    void wakeUpsBeyondTheGroupOrMoreThanSettingThemAreCaught() {
        Map<String, Object> t = mutated();
        statement(t, "SetOwnWakeUps").put("Resource", Map.of("Fn::Sub", "arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule/*/*"));
        assertCaught(TemplateRules.all(t), "not only the schedules of its group");

        Map<String, Object> u = mutated();
        statement(u, "SetOwnWakeUps").put("Action", List.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule", "scheduler:DeleteSchedule",
                "scheduler:DeleteScheduleGroup"));
        assertCaught(TemplateRules.all(u), "the function may scheduler:DeleteScheduleGroup");

        Map<String, Object> w = mutated();
        statement(w, "SetOwnWakeUps").put("Action", List.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule"));
        assertCaught(TemplateRules.all(w), "may not [scheduler:DeleteSchedule]");
    }

    @Test
    void passingAnyRoleOrToAnyServiceIsCaught() {
        Map<String, Object> t = mutated();
        statement(t, "PassSchedulerRole").put("Resource", Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*"));
        assertCaught(TemplateRules.all(t), "not only the scheduler's role");

        Map<String, Object> u = mutated();
        statement(u, "PassSchedulerRole").remove("Condition");
        assertCaught(TemplateRules.all(u), "without iam:PassedToService scheduler.amazonaws.com");
    }

    @Test
    void aSchedulerRoleThatReachesMoreThanThePublishQueueOrThatOthersMayAssumeIsCaught() {
        Map<String, Object> t = mutated();
        statement(t, "SendWakeUpsToThePublishQueue").put("Resource", Map.of("Fn::Sub", "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:*"));
        assertCaught(TemplateRules.all(t), "not only sqs:SendMessage on ContentChangesQueue");

        Map<String, Object> w = mutated();
        statement(w, "SendWakeUpsToThePublishQueue").put("Action", "lambda:InvokeFunction");
        assertCaught(TemplateRules.all(w), "not only sqs:SendMessage on ContentChangesQueue");

        Map<String, Object> u = mutated();
        map(at(list(at(Template.props(u, "SchedulerRole"), "AssumeRolePolicyDocument", "Statement")).get(0), "Condition")).remove("StringEquals");
        assertCaught(TemplateRules.all(u), "may be assumed by another than the scheduler of this account");
    }
}
