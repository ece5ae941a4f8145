package dev.galley.aws.s3;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class S3AddressesTest {

    @ParameterizedTest(name = "{0} {1} in {2} -> {4}{5}")
    @CsvSource(delimiter = '|', value = {
            // region        | endpoint override      | bucket           | key                  | origin                                             | path
            "eu-west-1       |                        | galley-site      | articles/x/index.html | https://galley-site.s3.eu-west-1.amazonaws.com    | /articles/x/index.html",
            "eu-west-1       |                        | galley-content   | posts/a b+é.md        | https://galley-content.s3.eu-west-1.amazonaws.com | /posts/a%20b%2B%C3%A9.md",
            "us-east-1       |                        | blog.example.com | 100%.md               | https://s3.us-east-1.amazonaws.com                | /blog.example.com/100%25.md",
            "cn-north-1      |                        | galley-site      | index.html            | https://galley-site.s3.cn-north-1.amazonaws.com.cn | /index.html",
            "us-east-1       | http://127.0.0.1:9000/ | galley-site      | tags/c++/index.html   | http://127.0.0.1:9000                             | /galley-site/tags/c%2B%2B/index.html",
            "us-east-1       | http://127.0.0.1:9000  | galley-content   | ''                    | http://127.0.0.1:9000                             | /galley-content/",
    })
    void virtualHostsOnAwsPathStyleUnderAnEndpointOverrideKeysEncodedOnce(String region, String endpoint, String bucket, String key,
                                                                          String origin, String path) {
        S3Addresses addresses = new S3Addresses(region, Optional.ofNullable(endpoint).map(URI::create));

        assertEquals(origin, addresses.origin(bucket));
        assertEquals(path, addresses.path(bucket, key));
    }
}
