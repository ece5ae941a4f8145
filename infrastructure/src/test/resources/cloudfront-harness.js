// Test harness: runs a CloudFront Function file against a list of events.
// Usage: node cloudfront-harness.js <function.js>  (events as a JSON array on stdin)
// Prints a JSON array: one {"result": ...} or {"error": "..."} per event.
// The function is evaluated as text in a fresh V8 context that has no require,
// no process and no module: CloudFront Functions have none of them either.
'use strict';
const fs = require('fs');
const vm = require('vm');

const source = fs.readFileSync(process.argv[2], 'utf8');
const events = JSON.parse(fs.readFileSync(0, 'utf8'));

const context = vm.createContext({});
vm.runInContext(source, context, { filename: process.argv[2] });
if (typeof context.handler !== 'function') {
    throw new Error('the function file defines no global function handler(event)');
}

const results = events.map(function (event) {
    try {
        // Round-trip through JSON inside the context so the function sees plain
        // objects of its own realm, as it would at the edge.
        const local = vm.runInContext('JSON.parse(' + JSON.stringify(JSON.stringify(event)) + ')', context);
        context.__event = local;
        const out = vm.runInContext('JSON.stringify(handler(__event))', context);
        return { result: JSON.parse(out) };
    } catch (e) {
        return { error: String(e && e.stack || e) };
    }
});
process.stdout.write(JSON.stringify(results));
