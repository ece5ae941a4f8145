// Galley viewer-response function (CloudFront Functions, runtime cloudfront-js-2.0).
// This file is the source of truth; template.yaml carries a byte-identical copy
// inline (CloudFormation cannot read files), and TemplateInlineCodeTest fails
// when the two differ. Plain ES5 on purpose: no require, no modules, no arrows.
//
// A redirect is an object in the site bucket at the old URL whose metadata names
// the new one; S3 sends it as the header x-amz-meta-galley-redirect, form-encoded
// by the publish function (S3 metadata must be ASCII): "%2Farticles%2Fnew%2F".
// Rules:
//  1. A response carrying that header becomes a 301 whose Location is the target
//     path, with the viewer's query string kept (campaign tags survive a move).
//     The Location is a path on the host the reader asked (RFC 9110 allows a
//     relative reference), so it holds for every domain name of the distribution.
//  2. The header never reaches the reader.
//  3. A target that is not a path of this site (not one "/" then a non-"/", or
//     with a control character or backslash after decoding) is ignored, and the
//     object's own page (a refresh to the target) is served as it is.
//  4. Every other response passes unchanged.

var REDIRECT_HEADER = 'x-amz-meta-galley-redirect';
var SITE_PATH = /^\/(?![\/\\])[^\x00-\x20\x7f\\]*$/;

function target(encoded) {
    try {
        var path = decodeURIComponent(encoded.replace(/\+/g, ' '));
        return SITE_PATH.test(path) ? path : null;
    } catch (e) {
        return null;
    }
}

// The query string as the viewer sent it: CloudFront passes names and values
// still percent-encoded, and a name given twice has all its values in multiValue.
function queryString(querystring) {
    var parts = [];
    for (var name in querystring) {
        var entry = querystring[name];
        var values = entry.multiValue ? entry.multiValue : [entry];
        for (var i = 0; i < values.length; i++) {
            parts.push(values[i].value === '' ? name : name + '=' + values[i].value);
        }
    }
    return parts.length ? '?' + parts.join('&') : '';
}

function handler(event) {
    var response = event.response;
    var header = response.headers[REDIRECT_HEADER];
    if (!header) {
        return response;
    }
    delete response.headers[REDIRECT_HEADER];
    var path = target(header.value);
    if (path === null) {
        return response;
    }
    response.statusCode = 301;
    response.statusDescription = 'Moved Permanently';
    response.headers['location'] = { value: path + queryString(event.request.querystring) };
    return response;
}
