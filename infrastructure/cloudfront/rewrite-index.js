// Galley viewer-request function (CloudFront Functions, runtime cloudfront-js-2.0).
// This file is the source of truth; template.yaml carries a byte-identical copy
// inline (CloudFormation cannot read files), and TemplateInlineCodeTest fails
// when the two differ. Plain ES5 on purpose: no require, no modules, no arrows.
//
// Rules, in order:
//  1. A URI whose percent-decoding fails answers 400.
//  2. Galley's private state under /_galley/ answers 404, whatever the encoding
//     (/%5Fgalley/...), the doubled slashes (//_galley/...) or the dot segments
//     (/x/../_galley/...). The bucket policy denies it too; this is the first wall.
//     Any dot segment (. or ..) answers 404: no published page has one.
//  3. A URI ending in "/" gets "index.html" appended.
//  4. A URI whose last segment has no published file extension gets
//     "/index.html" appended: /articles/hello -> /articles/hello/index.html and
//     /articles/v1.2-release -> /articles/v1.2-release/index.html ("2-release"
//     is no extension Galley publishes).
//  5. Anything else (/feed.xml, /assets/style.abc123.css, /articles/x/cat.png)
//     goes to the origin unchanged.
// The URI keeps its original percent-encoding (S3 decodes it once); the query
// string, headers and cookies are never touched.

var FILE_EXTENSION = /\.(html|xml|json|txt|css|js|map|ico|png|jpe?g|gif|webp|svg|avif|woff2?)$/i;
var PRIVATE_PREFIX = '/_galley';

function notFound() {
    return {
        statusCode: 404,
        statusDescription: 'Not Found',
        headers: {
            'cache-control': { value: 'no-store' }
        }
    };
}

function badRequest() {
    return {
        statusCode: 400,
        statusDescription: 'Bad Request',
        headers: {
            'cache-control': { value: 'no-store' }
        }
    };
}

function handler(event) {
    var request = event.request;
    var uri = request.uri;

    var decoded;
    try {
        decoded = decodeURIComponent(uri);
    } catch (e) {
        return badRequest();
    }

    var normalized = decoded.replace(/\/+/g, '/');
    var segments = normalized.split('/');
    for (var i = 0; i < segments.length; i++) {
        if (segments[i] === '.' || segments[i] === '..') {
            return notFound();
        }
    }
    if (normalized === PRIVATE_PREFIX || normalized.indexOf(PRIVATE_PREFIX + '/') === 0) {
        return notFound();
    }

    if (uri.charAt(uri.length - 1) === '/') {
        request.uri = uri + 'index.html';
    } else {
        var last = uri.substring(uri.lastIndexOf('/') + 1);
        if (!FILE_EXTENSION.test(last)) {
            request.uri = uri + '/index.html';
        }
    }
    return request;
}
