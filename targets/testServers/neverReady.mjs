// Test server: starts, says so, and never listens.
console.log('starting up, forever');
setInterval(() => {}, 1000);
